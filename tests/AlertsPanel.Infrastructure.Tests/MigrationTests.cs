using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Infrastructure.Tests;

/// <summary>The migrations of each provider are generated from the current model: nothing is pending.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_pending_changes()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> -c SqliteAppDbContext (see docs/operations.md)");
    }

    [Fact]
    public void SqlServer_model_has_no_pending_changes()
    {
        // No server is contacted: the model is compared with the migrations' snapshot.
        using var db = new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> -c SqlServerAppDbContext (see docs/operations.md)");
    }
}
