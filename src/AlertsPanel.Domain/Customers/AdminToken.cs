namespace AlertsPanel.Domain.Customers;

/// <summary>A customer's bearer token for the management API; it reaches that customer only.</summary>
public sealed class AdminToken(Guid id, string customerCid, string prefix, byte[] hash, DateTimeOffset createdAt)
{
    public const string Kind = "adm";

    public Guid Id { get; private set; } = id;
    public string CustomerCid { get; private set; } = customerCid;
    public string Prefix { get; private set; } = prefix;
    public byte[] Hash { get; private set; } = hash;
    public DateTimeOffset CreatedAt { get; private set; } = createdAt;
    public DateTimeOffset? RevokedAt { get; private set; }
}
