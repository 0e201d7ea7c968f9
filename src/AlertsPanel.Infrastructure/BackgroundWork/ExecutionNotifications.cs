using System.Collections.Concurrent;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary>
/// In-process signals between trigger and worker. A waiter is woken at once when this instance
/// finishes the execution, and polls the database as well, since another instance may run it.
/// </summary>
public sealed class ExecutionNotifications(IServiceScopeFactory scopes) : IExecutionNotifications, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly SemaphoreSlim _queued = new(0, 1);
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    public void Queued()
    {
        // One pending wake-up is enough: the worker claims everything queued when it wakes.
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    /// <summary>For the worker: waits for a new execution, at most <paramref name="timeout"/>.</summary>
    public Task<bool> WaitForQueuedAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Finished(Guid executionId)
    {
        if (_waiters.TryRemove(executionId, out var waiter))
        {
            waiter.TrySetResult();
        }
    }

    public async Task<bool> WaitForFinishAsync(Guid executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiters.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!await IsFinishedAsync(executionId, deadline.Token))
            {
                await waiter.Task.WaitAsync(PollInterval, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                deadline.Token.ThrowIfCancellationRequested();
            }
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _waiters.TryRemove(new KeyValuePair<Guid, TaskCompletionSource>(executionId, waiter));
        }
    }

    public void Dispose() => _queued.Dispose();

    private async Task<bool> IsFinishedAsync(Guid executionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var status = await db.Executions.Where(e => e.Id == executionId).Select(e => e.Status).SingleAsync(cancellationToken);
        return status is ExecutionStatus.Completed or ExecutionStatus.Failed;
    }
}
