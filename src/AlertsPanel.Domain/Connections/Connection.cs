namespace AlertsPanel.Domain.Connections;

/// <summary>
/// A customer's named way into an outside system (Salesforce, WhatsApp Cloud, SMTP). Flows name a
/// connection instead of holding credentials. Plain settings are stored as JSON; secret ones only
/// encrypted (<see cref="ProtectedSecrets"/>), never in the clear.
/// </summary>
public sealed class Connection
{
    private Connection(Guid id, string customerCid, string name, string type, string settings, string protectedSecrets, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        Id = id;
        CustomerCid = customerCid;
        Name = name;
        Type = type;
        Settings = settings;
        ProtectedSecrets = protectedSecrets;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    public Guid Id { get; private set; }
    public string CustomerCid { get; private set; }
    public string Name { get; private set; }
    public string Type { get; private set; }

    /// <summary>The settings as a JSON object, with "***" in place of each secret one.</summary>
    public string Settings { get; private set; }

    /// <summary>The secret settings as a JSON object, encrypted by the service's data-protection keys.</summary>
    public string ProtectedSecrets { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Connection Create(string customerCid, string name, string type, string settings, string protectedSecrets, DateTimeOffset now) =>
        new(Guid.CreateVersion7(now), customerCid, name, type, settings, protectedSecrets, now, now);

    /// <summary>New settings (a rotated secret, another host); flows that name the connection use them from their next step.</summary>
    public void Replace(string type, string settings, string protectedSecrets, DateTimeOffset now)
    {
        Type = type;
        Settings = settings;
        ProtectedSecrets = protectedSecrets;
        UpdatedAt = now;
    }
}
