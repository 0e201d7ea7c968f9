using AlertsPanel.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Infrastructure.Tests;

/// <summary>SQLite, a real engine on a file, migrated as the service migrates it: runs everywhere.</summary>
public sealed class SqliteStoreTests : StoreTests, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"alertspanel-store-{Guid.NewGuid():N}.db");
    private bool _migrated;

    protected override async Task<AppDbContext> NewContextAsync()
    {
        var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_path}").Options);
        if (!_migrated)
        {
            await db.Database.MigrateAsync();
            _migrated = true;
        }
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
