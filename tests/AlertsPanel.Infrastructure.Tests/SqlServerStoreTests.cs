using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Testcontainers.MsSql;

namespace AlertsPanel.Infrastructure.Tests;

/// <summary>
/// A SQL Server in a container, started once for these tests. Where no Docker engine runs, the
/// tests are skipped and say why, rather than passing without having run.
/// </summary>
public sealed class SqlServerFixture : IAsyncLifetime
{
    private MsSqlContainer? _container;

    public string? ConnectionString { get; private set; }

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await _container.StartAsync(timeout.Token);
            ConnectionString = _container.GetConnectionString();
            await using var db = Create();
            await db.Database.MigrateAsync();
        }
        catch (Exception ex)
        {
            SkipReason = $"SQL Server tests need a Docker engine, and none could be used here ({ex.GetType().Name}: {ex.Message.Split('\n')[0]})";
        }
    }

    public SqlServerAppDbContext Create() =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}

public sealed class SqlServerStoreTests(SqlServerFixture server) : StoreTests, IClassFixture<SqlServerFixture>
{
    protected override Task<AppDbContext> NewContextAsync()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason!);
        return Task.FromResult<AppDbContext>(server.Create());
    }
}
