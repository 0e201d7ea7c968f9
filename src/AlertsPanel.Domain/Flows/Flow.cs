using AlertsPanel.Domain.Common;

namespace AlertsPanel.Domain.Flows;

/// <summary>A flow of a bot. Each save adds a <see cref="FlowVersion"/>; triggers run the current one.</summary>
public sealed class Flow
{
    private Flow(string flowKey, string botKey, string customerCid, DateTimeOffset createdAt)
    {
        FlowKey = flowKey;
        BotKey = botKey;
        CustomerCid = customerCid;
        CreatedAt = createdAt;
        Name = string.Empty;
    }

    public string FlowKey { get; private set; }
    public string BotKey { get; private set; }
    public string CustomerCid { get; private set; }
    public string Name { get; private set; }
    public bool Enabled { get; private set; } = true;
    public int CurrentVersion { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public List<FlowVersion> Versions { get; private set; } = [];

    public static Flow Create(string customerCid, string botKey, FlowDefinition definition, DateTimeOffset now)
    {
        var flow = new Flow(RandomKeys.New(), botKey, customerCid, now);
        flow.Revise(definition, now);
        return flow;
    }

    /// <summary>Saves a new version; earlier versions stay, so past executions still name what they ran.</summary>
    public FlowVersion Revise(FlowDefinition definition, DateTimeOffset now)
    {
        CurrentVersion++;
        Name = definition.Name;
        UpdatedAt = now;
        var version = new FlowVersion(FlowKey, CurrentVersion, definition.ToJson(), now);
        Versions.Add(version);
        return version;
    }

    public void Enable(DateTimeOffset now) => SetEnabled(true, now);

    public void Disable(DateTimeOffset now) => SetEnabled(false, now);

    private void SetEnabled(bool enabled, DateTimeOffset now)
    {
        if (Enabled == enabled)
        {
            return;
        }
        Enabled = enabled;
        UpdatedAt = now;
    }
}
