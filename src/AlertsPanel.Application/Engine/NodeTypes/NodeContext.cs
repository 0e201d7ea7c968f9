namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>What a node can see and change while it runs: the execution's identity and its attributes.</summary>
public sealed class NodeContext
{
    private readonly Dictionary<string, string> _attributes;
    private readonly Dictionary<string, string?> _changes = new(StringComparer.OrdinalIgnoreCase);

    public NodeContext(Guid executionId, string customerCid, string botKey, Guid userId, string nodeId,
        Dictionary<string, string> attributes, IServiceProvider services)
    {
        ExecutionId = executionId;
        CustomerCid = customerCid;
        BotKey = botKey;
        UserId = userId;
        NodeId = nodeId;
        _attributes = attributes;
        Services = services;
    }

    public Guid ExecutionId { get; }
    public string CustomerCid { get; }
    public string BotKey { get; }
    public Guid UserId { get; }
    public string NodeId { get; }

    /// <summary>The execution's services (scoped to it), for node types that need more than their constructor took.</summary>
    public IServiceProvider Services { get; }

    public IReadOnlyDictionary<string, string> Attributes => _attributes;

    /// <summary>Attributes this node set, which the engine also writes to the bot user.</summary>
    public IReadOnlyDictionary<string, string?> Changes => _changes;

    /// <summary>The key a node sends to outside systems so a retried step is recognised as the same one.</summary>
    public string IdempotencyKey => $"{ExecutionId}:{NodeId}";

    /// <summary>Sets (or with null, removes) an attribute for the rest of the flow and on the bot user.</summary>
    public void SetAttribute(string name, string? value)
    {
        if (value is null)
        {
            _attributes.Remove(name);
        }
        else
        {
            _attributes[name] = value;
        }
        _changes[name] = value;
    }

    public string Render(string template, Func<string, string>? escape = null) => Template.Render(template, _attributes, escape);
}
