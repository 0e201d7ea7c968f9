using AlertsPanel.Application.Engine;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary>
/// Claims executions with a lease and runs them. Claiming is one conditional UPDATE, so several
/// instances sharing a database never run the same execution at once; an execution whose lease ran
/// out (its worker died) is claimable again and resumes at the node after its last committed step.
/// </summary>
public sealed class ExecutionProcessor(
    IServiceScopeFactory scopes, ExecutionNotifications notifications, IOptions<WorkerOptions> options,
    TimeProvider clock, ILogger<ExecutionProcessor> logger)
{
    // Unique per process start; with the round number it fits the 64-character lease column.
    private readonly string _workerId = $"w{Guid.NewGuid():N}";
    private long _claims;

    /// <summary>Claims up to one batch and runs it; the number of executions run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // A round claims several executions per slot: the claim's statements are paid once per round,
        // and the slots wait less for the round's slowest execution.
        var claimed = await ClaimAsync(options.Value.Concurrency * 8, cancellationToken);
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken },
            async (claim, ct) => await RunAsync(claim.Id, claim.Owner, ct));
        return claimed.Count;
    }

    private async Task<List<(Guid Id, string Owner)>> ClaimAsync(int batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        // Two indexed reads rather than one OR: the oldest queued ones walk (Status, CreatedAt) and stop
        // at the batch size, however long the queue; executions of dead workers are few.
        var candidates = await db.Executions.Where(e => e.Status == ExecutionStatus.Queued)
            .OrderBy(e => e.CreatedAt).Select(e => e.Id).Take(batch).ToListAsync(cancellationToken);
        if (candidates.Count < batch)
        {
            candidates.AddRange(await db.Executions.Where(e => e.Status == ExecutionStatus.Running && e.LeaseExpiresAt < now)
                .OrderBy(e => e.LeaseExpiresAt).Select(e => e.Id).Take(batch - candidates.Count).ToListAsync(cancellationToken));
        }
        if (candidates.Count == 0)
        {
            return [];
        }
        // Each claim round has an owner of its own, so the rows this round won can be read back.
        var owner = $"{_workerId}:{Interlocked.Increment(ref _claims)}";
        var expires = now + options.Value.LeaseDuration;
        await db.WriteAsync(ct => Claimable(db.Executions, now).Where(e => candidates.Contains(e.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, ExecutionStatus.Running)
            .SetProperty(e => e.LeaseOwner, owner)
            .SetProperty(e => e.LeaseExpiresAt, expires), ct), cancellationToken);
        // Read back by primary key (LeaseOwner has no index of its own).
        var won = await db.Executions.Where(e => candidates.Contains(e.Id) && e.LeaseOwner == owner).Select(e => e.Id).ToListAsync(cancellationToken);
        return won.Select(id => (id, owner)).ToList();
    }

    private static IQueryable<Execution> Claimable(IQueryable<Execution> executions, DateTimeOffset now) =>
        executions.Where(e => e.Status == ExecutionStatus.Queued || (e.Status == ExecutionStatus.Running && e.LeaseExpiresAt < now));

    private async Task RunAsync(Guid executionId, string owner, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var runner = scope.ServiceProvider.GetRequiredService<FlowRunner>();
        try
        {
            var execution = await db.Executions.SingleAsync(e => e.Id == executionId && e.LeaseOwner == owner, cancellationToken);
            await runner.RunAsync(db, execution, new ExecutionLease(owner, options.Value.LeaseDuration), scope.ServiceProvider, cancellationToken);
            notifications.Finished(executionId);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Execution {ExecutionId}: the lease passed to another worker; leaving it to that worker", executionId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease runs out and the execution is retried from its last committed step.
            logger.LogError(ex, "Execution {ExecutionId} could not be run; it will be retried when its lease expires", executionId);
        }
    }
}
