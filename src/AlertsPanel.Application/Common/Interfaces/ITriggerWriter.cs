using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;

namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>What one accepted trigger writes: the user (new or changed), its queued execution and, with an Idempotency-Key, the record that answers its retries.</summary>
public sealed record TriggerWrite(BotUser User, bool UserIsNew, Execution Execution, IdempotencyRecord? Idempotency);

/// <summary>
/// Commits accepted triggers, all of one trigger's write in one transaction. Triggers that arrive
/// together may share a transaction (a group commit); each caller still learns whether its own write
/// committed, and a write that breaks a rule (a unique key) fails alone.
/// </summary>
public interface ITriggerWriter
{
    Task CommitAsync(TriggerWrite write, CancellationToken cancellationToken);
}
