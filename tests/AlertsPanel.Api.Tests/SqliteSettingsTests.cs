using AlertsPanel.Api.Tests.Support;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Api.Tests;

public sealed class SqliteSettingsTests(ApiFactory api)
{
    [Fact]
    public async Task Every_connection_the_service_opens_uses_the_write_ahead_log_with_synchronous_normal()
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(TestContext.Current.CancellationToken);
        var synchronous = await db.Database.SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("wal", journal);
        Assert.Equal(1, synchronous); // 1 = NORMAL (SQLite's own default is 2 = FULL)
    }
}

/// <summary>The service configured with a worker lease shorter than its longest step.</summary>
public sealed class ShortLeaseApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Worker:LeaseDuration"] = "00:00:30",
    };
}

public sealed class WorkerSettingsTests
{
    [Fact]
    public async Task A_lease_shorter_than_the_longest_step_stops_the_service_at_start_with_the_reason()
    {
        await using var api = new ShortLeaseApiFactory();

        var error = Assert.ThrowsAny<Exception>(() => api.Server);

        Assert.Contains("LeaseDuration must be longer than 110 s", error.ToString(), StringComparison.Ordinal);
    }
}
