namespace AlertsPanel.Domain.Triggers;

/// <summary>
/// The first answer to a trigger sent with an <c>Idempotency-Key</c>, kept so a retry gets the same
/// answer. Scoped to customer, bot and flow; saved in the same transaction as its execution.
/// </summary>
public sealed class IdempotencyRecord(
    string customerCid, string botKey, string flowKey, string key, string requestHash,
    Guid executionId, Guid userId, bool userCreated, DateTimeOffset createdAt)
{
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(24);

    public long Id { get; private set; }
    public string CustomerCid { get; private set; } = customerCid;
    public string BotKey { get; private set; } = botKey;
    public string FlowKey { get; private set; } = flowKey;
    public string Key { get; private set; } = key;

    /// <summary>A hash of the request's attributes: the same key with other parameters is refused.</summary>
    public string RequestHash { get; private set; } = requestHash;

    public Guid ExecutionId { get; private set; } = executionId;
    public Guid UserId { get; private set; } = userId;
    public bool UserCreated { get; private set; } = userCreated;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
