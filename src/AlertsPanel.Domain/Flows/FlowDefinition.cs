using System.Text.Json.Nodes;

namespace AlertsPanel.Domain.Flows;

/// <summary>
/// A flow's graph: named nodes, one of them the start. Node settings stay JSON here because
/// node types are open-ended; each type reads its own settings (see the node type registry).
/// </summary>
public sealed record FlowDefinition(string Name, string StartNodeId, IReadOnlyList<Node> Nodes)
{
    public string ToJson() => new JsonObject
    {
        ["name"] = Name,
        ["startNodeId"] = StartNodeId,
        ["nodes"] = new JsonArray(Nodes.Select(n => (JsonNode)n.Settings.DeepClone()).ToArray()),
    }.ToJsonString();

    /// <summary>Reads a definition that has already been validated (the stored form).</summary>
    public static FlowDefinition FromJson(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        return FromValidated(root);
    }

    public static FlowDefinition FromValidated(JsonObject root) => new(
        (string)root["name"]!,
        (string)root["startNodeId"]!,
        root["nodes"]!.AsArray().Select(n => Node.From(n!.AsObject())).ToList());
}

/// <summary>One node of a flow: its id, its type name and all of its settings as saved.</summary>
public sealed record Node(string Id, string Type, JsonObject Settings)
{
    public static Node From(JsonObject settings) =>
        new((string)settings["id"]!, (string)settings["type"]!, (JsonObject)settings.DeepClone());
}
