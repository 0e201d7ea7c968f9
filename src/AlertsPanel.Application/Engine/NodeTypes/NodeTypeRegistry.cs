using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AlertsPanel.Domain.Flows;

namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>Every registered node type by name: what the validator and the engine ask instead of a switch.</summary>
public sealed class NodeTypeRegistry
{
    /// <summary>How node settings are read: camelCase names, and an unknown setting is an error (a typo must not pass silently).</summary>
    public static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    private readonly FrozenDictionary<string, INodeType> _types;

    public NodeTypeRegistry(IEnumerable<INodeType> types)
    {
        var byName = new Dictionary<string, INodeType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            // The same type registered twice is harmless; two types claiming one name is a programming error.
            if (byName.TryGetValue(type.TypeName, out var existing) && existing.GetType() != type.GetType())
            {
                throw new InvalidOperationException(
                    $"Node type '{type.TypeName}' is registered by both {existing.GetType().Name} and {type.GetType().Name}.");
            }
            byName[type.TypeName] = type;
        }
        _types = byName.ToFrozenDictionary(StringComparer.Ordinal);
        TypeNames = [.. _types.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> TypeNames { get; }

    public INodeType? Find(string typeName) => _types.GetValueOrDefault(typeName);

    /// <summary>Reads a node's settings, or says which setting is wrong (path relative to the node).</summary>
    public static NodeSettings? Read(INodeType type, JsonObject json, out (string Path, string Message)? problem)
    {
        problem = null;
        try
        {
            var settings = (NodeSettings?)json.Deserialize(type.SettingsType, SettingsJson);
            if (settings is null)
            {
                problem = (string.Empty, "must be an object");
            }
            return settings;
        }
        catch (JsonException ex)
        {
            var path = ex.Path is null or "$" ? string.Empty : ex.Path.TrimStart('$').TrimStart('.');
            var unknown = ex.Message.Contains("could not be mapped", StringComparison.Ordinal);
            problem = (path, unknown ? $"is not a setting of '{type.TypeName}' nodes" : "has the wrong type or shape");
            return null;
        }
    }

    /// <summary>Resolves the nodes of a saved (already validated) definition for running or describing.</summary>
    public CompiledFlow Compile(string flowKey, int version, FlowDefinition definition)
    {
        var nodes = new Dictionary<string, ResolvedNode>(StringComparer.Ordinal);
        foreach (var node in definition.Nodes)
        {
            var type = Find(node.Type)
                ?? throw new InvalidOperationException($"Flow {flowKey} v{version} uses node type '{node.Type}', which is not registered.");
            var settings = Read(type, node.Settings, out var problem)
                ?? throw new InvalidOperationException($"Flow {flowKey} v{version} node '{node.Id}': {problem}");
            nodes[node.Id] = new ResolvedNode(type, settings, node.Settings);
        }
        return new CompiledFlow(flowKey, version, definition.Name, definition.StartNodeId, nodes);
    }
}

/// <summary>A flow version ready to run: each node's type resolved and settings read once.</summary>
public sealed record CompiledFlow(string FlowKey, int Version, string Name, string StartNodeId, IReadOnlyDictionary<string, ResolvedNode> Nodes)
{
    /// <summary>The attributes the flow reads: in conditions and in <c>{{templates}}</c>, for the path-info view.</summary>
    public IReadOnlyList<string> AttributesRead() =>
        Nodes.Values
            .SelectMany(n => n.Type.AttributesRead(n.Settings).Concat(TemplatesIn(n.Json)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static IEnumerable<string> TemplatesIn(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => TemplatesIn(p.Value)),
        JsonArray a => a.SelectMany(TemplatesIn),
        JsonValue v when v.TryGetValue<string>(out var s) => Template.AttributesIn(s),
        _ => [],
    };
}
