using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Connections;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Flows;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>The application's one port to its store (no generic repositories: handlers query what they need).</summary>
public interface IAppDbContext
{
    DbSet<Customer> Customers { get; }
    DbSet<ApiKey> ApiKeys { get; }
    DbSet<AdminToken> AdminTokens { get; }
    DbSet<OperatorKey> OperatorKeys { get; }
    DbSet<Bot> Bots { get; }
    DbSet<Flow> Flows { get; }
    DbSet<FlowVersion> FlowVersions { get; }
    DbSet<BotUser> BotUsers { get; }
    DbSet<Execution> Executions { get; }
    DbSet<IdempotencyRecord> IdempotencyRecords { get; }
    DbSet<Connection> Connections { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
