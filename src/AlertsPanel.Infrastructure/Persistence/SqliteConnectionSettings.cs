using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlertsPanel.Infrastructure.Persistence;

/// <summary>
/// Per-connection SQLite settings (SQLite keeps them per connection, not in the file), applied each
/// time EF opens a pooled connection. <c>synchronous</c> comes from <c>Database:SqliteSynchronous</c>:
/// NORMAL (the default) syncs the write-ahead log at checkpoints rather than at every commit, which is
/// safe against a crash of the service and may lose the last commits on a power loss or OS crash;
/// FULL syncs every commit.
/// </summary>
internal sealed class SqliteConnectionSettings(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA synchronous={synchronous};";

    // Microsoft.Data.Sqlite pools the native connections behind SqliteConnection objects, and a
    // pragma stays set on its native connection: each is configured once, not at every open.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _configured.TryGetValue(handle, out _))
        {
            return;
        }
        _configured.AddOrUpdate(handle, this);
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
