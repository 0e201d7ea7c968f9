using System.Threading.Channels;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertsPanel.Infrastructure.BackgroundWork;

/// <summary>
/// A group commit for triggers. Requests queue their writes; one loop takes everything queued and
/// saves it in one transaction, so N concurrent triggers cost one commit instead of N (SQLite has a
/// single writer, so per-commit work is what limits accepted triggers per second). A request answers
/// only after the transaction holding its write has committed.
/// </summary>
internal sealed class GroupCommitTriggerWriter(IServiceScopeFactory scopes) : BackgroundService, ITriggerWriter
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(TriggerWrite Write, TaskCompletionSource Committed);

    public async Task CommitAsync(TriggerWrite write, CancellationToken cancellationToken)
    {
        var pending = new Pending(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        // Not cancellable once queued: the write may already be in a transaction, and the caller must learn its fate.
        await pending.Committed.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }
                await SaveAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var pending))
            {
                pending.Committed.TrySetException(new OperationCanceledException("The service is stopping; the trigger was not accepted."));
            }
        }
    }

    /// <summary>
    /// Saves a batch in as few transactions as it can: one per round, where a round holds each user
    /// at most once (a user changed by two triggers of the batch gets both changes, in order).
    /// </summary>
    private async Task SaveAsync(List<Pending> batch)
    {
        var round = new List<Pending>();
        var users = new HashSet<Guid>();
        foreach (var pending in batch)
        {
            if (!users.Add(pending.Write.User.Id))
            {
                await SaveRoundAsync(round);
                round = [];
                users = [pending.Write.User.Id];
            }
            round.Add(pending);
        }
        await SaveRoundAsync(round);
    }

    private async Task SaveRoundAsync(List<Pending> round)
    {
        try
        {
            await SaveTogetherAsync(round.Select(p => p.Write));
            round.ForEach(p => p.Committed.TrySetResult());
        }
        catch (DbUpdateException) when (round.Count > 1)
        {
            // One write broke a rule (two requests raced for an Idempotency-Key): each alone, so only it fails.
            foreach (var pending in round)
            {
                await SaveRoundAsync([pending]);
            }
        }
        catch (Exception ex)
        {
            round.ForEach(p => p.Committed.TrySetException(ex));
        }
    }

    /// <summary>One SaveChanges, so one transaction.</summary>
    private async Task SaveTogetherAsync(IEnumerable<TriggerWrite> writes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var write in writes)
        {
            if (write.UserIsNew)
            {
                db.BotUsers.Add(write.User);
            }
            else
            {
                db.BotUsers.Update(write.User);
            }
            db.Executions.Add(write.Execution);
            if (write.Idempotency is { } record)
            {
                db.IdempotencyRecords.Add(record);
            }
        }
        await db.SaveChangesAsync();
    }
}
