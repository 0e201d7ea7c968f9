namespace AlertsPanel.Domain.Flows;

/// <summary>An immutable saved definition of a flow.</summary>
public sealed class FlowVersion(string flowKey, int version, string definition, DateTimeOffset createdAt)
{
    public string FlowKey { get; private set; } = flowKey;
    public int Version { get; private set; } = version;

    /// <summary>The definition as JSON, node settings included exactly as saved.</summary>
    public string Definition { get; private set; } = definition;

    public DateTimeOffset CreatedAt { get; private set; } = createdAt;

    public FlowDefinition Parse() => FlowDefinition.FromJson(Definition);
}
