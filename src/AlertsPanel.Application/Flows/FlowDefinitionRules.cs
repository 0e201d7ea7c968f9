using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Flows;
using FluentValidation;

namespace AlertsPanel.Application.Flows;

/// <summary>
/// The rules a flow definition must pass to be saved: its shape, each node's settings (asked of the
/// node's type), and the graph (unique ids, arrows to existing nodes, a start node, everything reachable).
/// Problems are keyed by their path in the definition (<c>nodes[2].next</c>).
/// </summary>
public sealed partial class FlowDefinitionRules(NodeTypeRegistry registry)
{
    public const int MaxNodes = 500;
    public const int MaxNameLength = 200;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NodeIdPattern();

    public IReadOnlyList<(string Path, string Message)> Check(JsonNode? definition)
    {
        var problems = new List<(string Path, string Message)>();
        if (definition is not JsonObject root)
        {
            problems.Add(("definition", "a flow definition is a JSON object with name, startNodeId and nodes"));
            return problems;
        }

        var name = TextOf(root["name"]);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            problems.Add(("name", $"a name of 1 to {MaxNameLength} characters is required"));
        }
        var startNodeId = TextOf(root["startNodeId"]);
        if (string.IsNullOrEmpty(startNodeId))
        {
            problems.Add(("startNodeId", "the id of the start node is required"));
        }
        foreach (var property in root.Where(p => p.Key is not ("name" or "startNodeId" or "nodes")))
        {
            problems.Add((property.Key, "is not a field of a flow definition"));
        }
        if (root["nodes"] is not JsonArray nodes || nodes.Count == 0 || nodes.Count > MaxNodes)
        {
            problems.Add(("nodes", $"a list of 1 to {MaxNodes} nodes is required"));
            return problems;
        }

        var resolved = CheckNodes(nodes, problems);
        CheckGraph(resolved, startNodeId, problems);
        return problems;
    }

    private List<(int Index, ResolvedNode Node)> CheckNodes(JsonArray nodes, List<(string, string)> problems)
    {
        var resolved = new List<(int, ResolvedNode)>();
        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var path = $"nodes[{i}]";
            if (nodes[i] is not JsonObject json)
            {
                problems.Add((path, "a node is an object with id and type"));
                continue;
            }
            var id = TextOf(json["id"]);
            if (id is null || !NodeIdPattern().IsMatch(id))
            {
                problems.Add(($"{path}.id", "an id of 1 to 64 letters, digits, '_' or '-' is required"));
            }
            else if (!seenIds.Add(id))
            {
                problems.Add(($"{path}.id", $"the id '{id}' is used by another node"));
            }

            var typeName = TextOf(json["type"]);
            var type = typeName is null ? null : registry.Find(typeName);
            if (type is null)
            {
                problems.Add(($"{path}.type", typeName is null
                    ? $"a type is required; the node types are {string.Join(", ", registry.TypeNames)}"
                    : $"unknown node type '{typeName}'; the node types are {string.Join(", ", registry.TypeNames)}"));
                continue;
            }

            CheckTemplates(json, path, problems);
            var settings = NodeTypeRegistry.Read(type, json, out var problem);
            if (settings is null)
            {
                problems.Add((Join(path, problem!.Value.Path), problem.Value.Message));
                continue;
            }
            if (type.Validator is { } validator)
            {
                var result = validator.Validate(new ValidationContext<object>(settings));
                problems.AddRange(result.Errors.Select(e => (Join(path, e.PropertyName), e.ErrorMessage)));
            }
            if (id is not null)
            {
                resolved.Add((i, new ResolvedNode(type, settings, json)));
            }
        }
        return resolved;
    }

    private static void CheckGraph(List<(int Index, ResolvedNode Node)> nodes, string? startNodeId, List<(string, string)> problems)
    {
        var byId = nodes.GroupBy(n => n.Node.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var (index, node) in nodes)
        {
            foreach (var edge in node.Type.Edges(node.Settings).Where(e => !byId.ContainsKey(e.Target)))
            {
                problems.Add(($"nodes[{index}].{edge.Setting}", $"there is no node with id '{edge.Target}'"));
            }
        }

        if (startNodeId is null)
        {
            return;
        }
        if (!byId.TryGetValue(startNodeId, out var start))
        {
            problems.Add(("startNodeId", $"there is no node with id '{startNodeId}'"));
            return;
        }
        if (start.Node.Type.TypeName != "start")
        {
            problems.Add(("startNodeId", $"'{startNodeId}' is a '{start.Node.Type.TypeName}' node; the flow must begin at a 'start' node"));
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { startNodeId };
        var pending = new Stack<ResolvedNode>([start.Node]);
        while (pending.TryPop(out var node))
        {
            foreach (var edge in node.Type.Edges(node.Settings))
            {
                if (byId.TryGetValue(edge.Target, out var target) && reached.Add(edge.Target))
                {
                    pending.Push(target.Node);
                }
            }
        }
        foreach (var (index, node) in nodes.Where(n => !reached.Contains(n.Node.Id)))
        {
            problems.Add(($"nodes[{index}]", $"the node '{node.Id}' cannot be reached from the start node"));
        }
    }

    private static void CheckTemplates(JsonNode? node, string path, List<(string, string)> problems)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    CheckTemplates(value, $"{path}.{key}", problems);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    CheckTemplates(a[i], $"{path}[{i}]", problems);
                }
                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && Template.Problem(text) is { } problem:
                problems.Add((path, problem));
                break;
        }
    }

    private static string? TextOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Join(string path, string inner) => inner.Length == 0 ? path : $"{path}.{CamelCase(inner)}";

    // FluentValidation names members as declared (Branches[0].Next); the definition spells them camelCase.
    private static string CamelCase(string path) =>
        Regex.Replace(path, @"(^|\.)([A-Z])", m => m.Groups[1].Value + char.ToLowerInvariant(m.Groups[2].Value[0]));

    /// <summary>
    /// The checks a definition that passed <see cref="Check"/> must also pass against what it refers to
    /// (connections, the bot's channel, other flows), keyed like <see cref="Check"/>'s.
    /// </summary>
    public IReadOnlyList<(string Path, string Message)> CheckSurroundings(JsonObject definition, FlowSurroundings surroundings)
    {
        var problems = new List<(string Path, string Message)>();
        var nodes = definition["nodes"]!.AsArray();
        for (var i = 0; i < nodes.Count; i++)
        {
            var json = nodes[i]!.AsObject();
            var type = registry.Find(TextOf(json["type"])!)!;
            var settings = NodeTypeRegistry.Read(type, json, out _)!;
            problems.AddRange(type.CheckSurroundings(settings, surroundings).Select(p => (Join($"nodes[{i}]", p.Setting), p.Message)));
        }
        return problems;
    }

    /// <summary>Reads a definition that passed <see cref="Check"/>.</summary>
    public static FlowDefinition Read(JsonObject definition) => FlowDefinition.FromValidated(definition);
}
