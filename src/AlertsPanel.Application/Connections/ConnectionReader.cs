using System.Text.Json.Nodes;
using AlertsPanel.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Connections;

/// <summary>A connection's settings with its secrets decrypted, for a node about to use it. Never logged or returned.</summary>
public sealed record ConnectionSettings(Guid Id, string Name, string Type, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Values)
{
    public string this[string name] => Values[name];

    public string? Optional(string name) => Values.GetValueOrDefault(name);
}

/// <summary>Reads a customer's connection for a running node (scoped to the execution).</summary>
public sealed class ConnectionReader(IAppDbContext db, ISecretProtector secrets)
{
    /// <summary>The connection, or null when the customer has none by that name (it was deleted after the flow was saved).</summary>
    public async Task<ConnectionSettings?> FindAsync(string cid, string name, CancellationToken cancellationToken)
    {
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerCid == cid && c.Name == name, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // The plain settings first, then the decrypted secrets over their "***" placeholders.
        foreach (var source in new[] { connection.Settings, secrets.Unprotect(connection.ProtectedSecrets) })
        {
            foreach (var (key, value) in JsonNode.Parse(source)!.AsObject())
            {
                values[key] = ConnectionTypes.TextOf(value) ?? string.Empty;
            }
        }
        return new ConnectionSettings(connection.Id, connection.Name, connection.Type, connection.UpdatedAt, values);
    }
}
