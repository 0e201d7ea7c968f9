using System.Collections.Concurrent;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Connections;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Flows;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlertsPanel.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Each provider has a subclass only so that each keeps its own migrations
/// (SQLite and SQL Server differ in types); the model is the same.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AdminToken> AdminTokens => Set<AdminToken>();
    public DbSet<OperatorKey> OperatorKeys => Set<OperatorKey>();
    public DbSet<Bot> Bots => Set<Bot>();
    public DbSet<Flow> Flows => Set<Flow>();
    public DbSet<FlowVersion> FlowVersions => Set<FlowVersion>();
    public DbSet<BotUser> BotUsers => Set<BotUser>();
    public DbSet<Execution> Executions => Set<Execution>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Connection> Connections => Set<Connection>();

    /// <summary>The Data Protection key ring, shared by every instance on this database (it encrypts connection secrets).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Runs a bulk write (ExecuteUpdate, ExecuteDelete) under the same rule as <c>SaveChanges</c>.</summary>
    public virtual Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken) => write(cancellationToken);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // SQLite has one writer per file. When two connections write at once, Microsoft.Data.Sqlite answers
    // the loser's SQLITE_BUSY by sleeping 150 ms and retrying, which under load costs far more than
    // waiting in line. So writers of this process queue here, one per database file, and never collide;
    // readers are not held (WAL lets them read while a write commits).
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Writers = new(StringComparer.Ordinal);
    private SemaphoreSlim? _writer;

    private SemaphoreSlim Writer => _writer ??= Writers.GetOrAdd(Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));

    public override async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await Writer.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            Writer.Release();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        WriteAsync(ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Writer.Wait();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            Writer.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type that it can order or compare; all times are UTC,
        // so a sortable number is exact.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
