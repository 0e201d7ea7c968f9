using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Infrastructure.BackgroundWork;
using AlertsPanel.Infrastructure.Outside;
using AlertsPanel.Infrastructure.Persistence;
using AlertsPanel.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlertsPanel.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new DatabaseOptions
        {
            Provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite),
            ConnectionString = configuration.GetConnectionString("AlertsPanel") is { Length: > 0 } cs ? cs : null,
            SqliteSynchronous = configuration.GetValue("Database:SqliteSynchronous", SqliteSynchronous.Normal),
        };
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                var sqlServer = options.ConnectionString
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer: set ConnectionStrings:AlertsPanel.");
                services.AddDbContextPool<SqlServerAppDbContext>(o => o.UseSqlServer(sqlServer));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            default:
                var sqlite = options.ConnectionString ?? DatabaseOptions.DefaultSqliteConnectionString(environment.ContentRootPath);
                var settings = new SqliteConnectionSettings(options.SqliteSynchronous.ToString().ToUpperInvariant());
                services.AddDbContextPool<SqliteAppDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(settings));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddHostedService<DatabaseInitializer>();

        services.AddSingleton<OperatorKeyStore>();
        services.AddSingleton<CredentialVerifier>();
        services.AddSingleton<ICredentialCache>(sp => sp.GetRequiredService<CredentialVerifier>());
        services.AddHostedService<LastUsedRecorder>();

        // Connection secrets: Data Protection with its key ring in the database, so every instance can decrypt.
        services.AddDataProtection().SetApplicationName("AlertsPanel").PersistKeysToDbContext<AppDbContext>();
        services.AddSingleton<ISecretProtector, SecretProtector>();

        // Node types that reach outside systems, through one resilient HttpClient (and MailKit for SMTP).
        services.AddOutsideHttp(configuration.GetValue("AlertsPanel:Outside:RetryDelay", TimeSpan.FromSeconds(1)));
        services.AddNodeType<HttpRequestNode>()
            .AddNodeType<SalesforceCreateRecordNode>()
            .AddNodeType<SendEmailNode>()
            .AddNodeType<SendWhatsAppTemplateNode>();

        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section))
            .Validate(o => o.Concurrency >= 1, $"{WorkerOptions.Section}:Concurrency must be at least 1")
            // A lease shorter than the longest step would let a second worker run a step still in flight.
            .Validate(o => o.LeaseDuration > OutsideHttp.TotalTimeout + TimeSpan.FromSeconds(10),
                $"{WorkerOptions.Section}:LeaseDuration must be longer than {(OutsideHttp.TotalTimeout + TimeSpan.FromSeconds(10)).TotalSeconds:0} s, the longest step (an outside call with its retries)")
            .ValidateOnStart();
        services.AddSingleton<ExecutionNotifications>();
        services.AddSingleton<IExecutionNotifications>(sp => sp.GetRequiredService<ExecutionNotifications>());
        services.AddSingleton<ExecutionProcessor>();
        services.AddSingleton<GroupCommitTriggerWriter>();
        services.AddSingleton<ITriggerWriter>(sp => sp.GetRequiredService<GroupCommitTriggerWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitTriggerWriter>());
        services.AddHostedService<ExecutionWorker>();
        services.AddHostedService<IdempotencyPruner>();
        return services;
    }
}
