using System.Text.Json.Nodes;
using AlertsPanel.Domain.Connections;

namespace AlertsPanel.Application.Connections;

/// <summary>A connection as the management API shows it. Stored settings hold "***" in place of each secret.</summary>
public sealed record ConnectionDto(string Name, string Type, JsonObject Settings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ConnectionDto From(Connection connection) =>
        new(connection.Name, connection.Type, JsonNode.Parse(connection.Settings)!.AsObject(), connection.CreatedAt, connection.UpdatedAt);
}
