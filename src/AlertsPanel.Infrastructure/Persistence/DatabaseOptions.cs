namespace AlertsPanel.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>How often SQLite waits for the disk: at checkpoints (Normal) or at every commit (Full).</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:AlertsPanel</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>SQLite's <c>synchronous</c> setting: see <see cref="SqliteConnectionSettings"/>.</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>The SQLite file when no connection string is given: in the app's data folder.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "alertspanel.db")}";
    }
}
