using AlertsPanel.Domain.Bots;

namespace AlertsPanel.Domain.Users;

/// <summary>A person a bot knows, created or updated by each trigger that names them.</summary>
public sealed class BotUser
{
    private BotUser(Guid id, string botKey, string customerCid, DateTimeOffset createdAt)
    {
        Id = id;
        BotKey = botKey;
        CustomerCid = customerCid;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string BotKey { get; private set; }
    public string CustomerCid { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    // The identifiers are copies of reserved attributes kept in columns of their own, so they can be indexed.
    public string? ExternalId { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Name { get; private set; }

    /// <summary>Attribute values by name; names compare case-insensitively.</summary>
    public Dictionary<string, string> Attributes { get; private set; } = new(StringComparer.OrdinalIgnoreCase);

    public static BotUser Create(string botKey, string customerCid, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), botKey, customerCid, now);

    /// <summary>
    /// Overwrites the attributes that were sent and keeps the others; a null value removes one.
    /// On WhatsApp a user without a name is named by their phone number, but a name set earlier
    /// is never replaced by the number.
    /// </summary>
    public void Apply(IReadOnlyDictionary<string, string?> attributes, BotChannel channel, DateTimeOffset now)
    {
        var previousName = Attributes.GetValueOrDefault(ReservedAttributes.UserName);
        Write(attributes);

        if (channel == BotChannel.Whatsapp && string.IsNullOrEmpty(Attributes.GetValueOrDefault(ReservedAttributes.UserName)))
        {
            var fallback = string.IsNullOrEmpty(previousName) ? Attributes.GetValueOrDefault(ReservedAttributes.Phone) : previousName;
            if (!string.IsNullOrEmpty(fallback))
            {
                Attributes[ReservedAttributes.UserName] = fallback;
            }
        }

        SyncIdentifiers(now);
    }

    /// <summary>Attributes set by a flow: written as they are, with no channel rule.</summary>
    public void SetAttributes(IReadOnlyDictionary<string, string?> attributes, DateTimeOffset now)
    {
        Write(attributes);
        SyncIdentifiers(now);
    }

    private void Write(IReadOnlyDictionary<string, string?> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                Attributes.Remove(name);
            }
            else
            {
                Attributes[name] = value;
            }
        }
    }

    private void SyncIdentifiers(DateTimeOffset now)
    {
        ExternalId = Attributes.GetValueOrDefault(ReservedAttributes.ExternalId);
        Phone = Attributes.GetValueOrDefault(ReservedAttributes.Phone);
        Email = Attributes.GetValueOrDefault(ReservedAttributes.Email)?.ToLowerInvariant();
        Name = Attributes.GetValueOrDefault(ReservedAttributes.UserName);
        UpdatedAt = now;
    }
}
