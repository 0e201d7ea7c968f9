namespace AlertsPanel.Domain.Customers;

public sealed class ApiKey(Guid id, string customerCid, string prefix, byte[] hash, DateTimeOffset createdAt)
{
    public const string Kind = "apk";

    public Guid Id { get; private set; } = id;
    public string CustomerCid { get; private set; } = customerCid;
    public string Prefix { get; private set; } = prefix;
    public byte[] Hash { get; private set; } = hash;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Revoking twice keeps the first revocation time.</summary>
    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
