using System.Collections.Concurrent;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Flows;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Engine;

/// <summary>
/// Compiled flow versions. A saved version never changes, so an entry never goes stale; the cache
/// is only emptied when it grows past a bound.
/// </summary>
public sealed class CompiledFlowCache(NodeTypeRegistry registry)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(string FlowKey, int Version), CompiledFlow> _flows = new();

    public async ValueTask<CompiledFlow> GetAsync(IAppDbContext db, string flowKey, int version, CancellationToken cancellationToken)
    {
        if (_flows.TryGetValue((flowKey, version), out var cached))
        {
            return cached;
        }
        var definition = await db.FlowVersions.AsNoTracking()
            .Where(v => v.FlowKey == flowKey && v.Version == version)
            .Select(v => v.Definition)
            .SingleAsync(cancellationToken);
        return Add(registry.Compile(flowKey, version, FlowDefinition.FromJson(definition)));
    }

    public CompiledFlow Get(FlowVersion version) =>
        _flows.TryGetValue((version.FlowKey, version.Version), out var cached)
            ? cached
            : Add(registry.Compile(version.FlowKey, version.Version, version.Parse()));

    private CompiledFlow Add(CompiledFlow flow)
    {
        if (_flows.Count >= MaxEntries)
        {
            _flows.Clear();
        }
        return _flows.GetOrAdd((flow.FlowKey, flow.Version), flow);
    }
}
