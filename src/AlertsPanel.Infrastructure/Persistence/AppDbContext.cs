using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Flows;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AlertsPanel.Infrastructure.Persistence;

/// <summary>
/// The one DbContext. Each provider has a subclass only so that each keeps its own migrations
/// (SQLite and SQL Server differ in types); the model is the same.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IAppDbContext
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
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type that it can order or compare; all times are UTC,
        // so a sortable number is exact.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
