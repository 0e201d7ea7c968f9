using System.Text.Json.Nodes;
using AlertsPanel.Application;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Flows;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Benchmarks;

/// <summary>
/// The engine's CPU work per execution, without the database: walking the contract's VIP flow
/// (start → decision → set_attribute → end) through the registered node types, as the runner does,
/// and compiling a flow version (done once per version, then cached).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private ServiceProvider _services = null!;
    private NodeTypeRegistry _registry = null!;
    private FlowDefinition _definition = null!;
    private CompiledFlow _flow = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddLogging().AddApplicationServices(new ConfigurationBuilder().Build()).BuildServiceProvider();
        _registry = _services.GetRequiredService<NodeTypeRegistry>();
        _definition = FlowDefinition.FromJson(JsonNode.Parse(BenchmarkFlows.LeadIntake)!.ToJsonString());
        _flow = _registry.Compile("flow", 1, _definition);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Params("VIP", "Regular")]
    public string Category { get; set; } = "VIP";

    [Benchmark(Description = "walk the VIP flow (4 nodes)")]
    public async Task<int> WalkFlow()
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["category"] = Category, ["name"] = "Ada" };
        var steps = 0;
        for (var nodeId = _flow.StartNodeId; nodeId is not null; steps++)
        {
            var node = _flow.Nodes[nodeId];
            var context = new NodeContext(Guid.Empty, "cid", "bot", Guid.Empty, node.Id, attributes, _services);
            nodeId = (await node.Type.ExecuteAsync(node.Settings, context, CancellationToken.None)).Next;
        }
        return steps;
    }

    [Benchmark(Description = "compile a flow version (once per version)")]
    public CompiledFlow Compile() => _registry.Compile("flow", 1, _definition);
}
