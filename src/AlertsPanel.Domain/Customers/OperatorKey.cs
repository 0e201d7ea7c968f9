namespace AlertsPanel.Domain.Customers;

/// <summary>
/// The operator key generated at first start when none is configured; only its hash is kept.
/// There is at most one row.
/// </summary>
public sealed class OperatorKey(byte[] hash, DateTimeOffset createdAt)
{
    public const string Kind = "opk";
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    public byte[] Hash { get; private set; } = hash;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
}
