namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>
/// The settings every node has. A node type derives a record from this with its own settings,
/// named as they appear in the flow definition (camelCase in JSON).
/// </summary>
public abstract record NodeSettings
{
    public string Id { get; init; } = string.Empty;
    public string Type { get; init; } = string.Empty;

    /// <summary>The node to run after this one; none ends the flow.</summary>
    public string? Next { get; init; }
}

/// <summary>An arrow of the flow graph: the setting that holds it (<c>next</c>, <c>branches[0].next</c>) and the node it names.</summary>
public sealed record NodeEdge(string Setting, string Target);
