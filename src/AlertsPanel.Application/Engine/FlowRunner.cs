using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Executions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AlertsPanel.Application.Engine;

/// <summary>Who runs an execution and for how long others must leave it alone.</summary>
public sealed record ExecutionLease(string Owner, TimeSpan Duration);

/// <summary>
/// The engine. It walks an execution's flow from the node it is at, one node at a time:
/// <list type="number">
/// <item>find the node in the (cached, compiled) flow version the execution runs;</item>
/// <item>run it through its node type, which answers an outcome and where to go next;</item>
/// <item>record the step (with the node's explanation) and move on;</item>
/// <item>after a node with outside effects, commit: the step, the attributes and the user's
///   attribute changes, and a renewed lease. Pure nodes (start, decision, set_attribute) are
///   committed with the next such point, so a crash re-runs at most pure nodes and the one
///   outside step that was in flight, never a committed step.</item>
/// </list>
/// A <c>go_to_flow</c> node moves the execution to another flow's start node; steps keep counting
/// across flows, so the loop guard holds there too. It stops at the end of the flow, on a failed
/// step, or after <see cref="Execution.MaxSteps"/> steps.
/// </summary>
public sealed class FlowRunner(CompiledFlowCache flows, TimeProvider clock, ILogger<FlowRunner> logger)
{
    public async Task RunAsync(IAppDbContext db, Execution execution, ExecutionLease lease, IServiceProvider services, CancellationToken cancellationToken)
    {
        execution.Start(clock.GetUtcNow());
        var userChanges = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        while (execution.NextNodeId is { } nodeId && !execution.IsFinished)
        {
            if (execution.Steps.Count >= Execution.MaxSteps)
            {
                execution.Fail($"stopped after {Execution.MaxSteps} steps: the flow loops (loop guard)", clock.GetUtcNow());
                break;
            }
            var flow = await flows.GetAsync(db, execution.CurrentFlowKey, execution.CurrentFlowVersion, cancellationToken);
            if (!flow.Nodes.TryGetValue(nodeId, out var node))
            {
                execution.Fail($"flow {flow.FlowKey} v{flow.Version} has no node '{nodeId}'", clock.GetUtcNow());
                break;
            }

            var startedAt = clock.GetUtcNow();
            var context = new NodeContext(execution.Id, execution.CustomerCid, execution.BotKey, execution.UserId, node.Id, execution.Attributes, services);
            var result = await RunNodeAsync(node, context, cancellationToken);
            foreach (var (name, value) in context.Changes)
            {
                userChanges[name] = value;
            }

            var pathEntry = execution.CurrentFlowKey == execution.FlowKey ? node.Id : $"{execution.CurrentFlowKey}:{node.Id}";
            execution.RecordStep(new ExecutionStep(node.Id, node.Type.TypeName, result.Outcome, result.Detail, startedAt, clock.GetUtcNow()), pathEntry, result.Next);
            if (result.Failed)
            {
                execution.Fail($"{node.Id}: {result.Detail}", clock.GetUtcNow());
            }
            else if (result.JumpToFlow is { } flowKey && await JumpAsync(db, execution, flowKey, cancellationToken) is { } problem)
            {
                execution.Fail($"{node.Id}: {problem}", clock.GetUtcNow());
            }
            else if (execution.NextNodeId is null && result.JumpToFlow is null)
            {
                execution.Complete(clock.GetUtcNow());
            }

            if (node.Type.HasSideEffects && !execution.IsFinished)
            {
                await CommitAsync(db, execution, userChanges, lease, cancellationToken);
            }
        }
        if (!execution.IsFinished)
        {
            execution.Complete(clock.GetUtcNow());
        }
        await CommitAsync(db, execution, userChanges, lease, cancellationToken);
        logger.LogInformation("Execution {ExecutionId} {Status} after {Steps} steps", execution.Id, execution.Status, execution.Steps.Count);
    }

    /// <summary>Moves the execution to the start of another flow of its bot (current version); the problem, if it cannot.</summary>
    private async Task<string?> JumpAsync(IAppDbContext db, Execution execution, string flowKey, CancellationToken cancellationToken)
    {
        var botKey = execution.BotKey;
        var target = await db.Flows.AsNoTracking().Where(f => f.BotKey == botKey && f.FlowKey == flowKey)
            .Select(f => new { f.Enabled, f.CurrentVersion }).SingleOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            return $"the bot has no flow '{flowKey}' (deleted since this flow was saved)";
        }
        if (!target.Enabled)
        {
            return $"the flow '{flowKey}' is disabled";
        }
        var flow = await flows.GetAsync(db, flowKey, target.CurrentVersion, cancellationToken);
        execution.SwitchFlow(flowKey, flow.Version, flow.StartNodeId);
        return null;
    }

    private async Task<NodeResult> RunNodeAsync(ResolvedNode node, NodeContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await node.Type.ExecuteAsync(node.Settings, context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A node's bug or an unexpected outside failure fails this execution, not the worker.
            logger.LogWarning(ex, "Node {NodeId} ({Type}) of execution {ExecutionId} threw", node.Id, node.Type.TypeName, context.ExecutionId);
            return NodeResult.Fail($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task CommitAsync(IAppDbContext db, Execution execution, Dictionary<string, string?> userChanges, ExecutionLease lease, CancellationToken cancellationToken)
    {
        if (userChanges.Count > 0)
        {
            var userId = execution.UserId; // a captured local: EF reads it without compiling a delegate
            var user = await db.BotUsers.SingleAsync(u => u.Id == userId, cancellationToken);
            user.SetAttributes(userChanges, clock.GetUtcNow());
            userChanges.Clear();
        }
        if (!execution.IsFinished)
        {
            execution.ExtendLease(lease.Owner, clock.GetUtcNow() + lease.Duration);
        }
        // The lease owner is a concurrency token: if another worker took the execution over
        // (our lease ran out), this save fails instead of writing over its progress.
        await db.SaveChangesAsync(cancellationToken);
    }
}
