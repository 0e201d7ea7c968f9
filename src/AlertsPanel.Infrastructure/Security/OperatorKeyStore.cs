using AlertsPanel.Domain.Common;
using AlertsPanel.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AlertsPanel.Infrastructure.Security;

/// <summary>
/// The operator key: <c>AlertsPanel:OperatorKey</c> when configured. Otherwise one is generated at the
/// first start, printed once in the log, and only its hash is stored, so the run command is all a newcomer needs.
/// </summary>
public sealed class OperatorKeyStore(IConfiguration configuration, TimeProvider clock, ILogger<OperatorKeyStore> logger)
{
    public const string ConfigurationKey = "AlertsPanel:OperatorKey";
    private byte[]? _hash;

    public bool Matches(string presented) => _hash is { } hash && Secret.Matches(presented, hash);

    internal async Task InitializeAsync(Persistence.AppDbContext db, CancellationToken cancellationToken)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            _hash = Secret.HashOf(configured);
            return;
        }
        var stored = await db.OperatorKeys.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            _hash = stored.Hash;
            logger.LogInformation("Operator key: the one generated at first start (its hash is stored; set {Key} to replace it)", ConfigurationKey);
            return;
        }
        var key = $"{OperatorKey.Kind}_{RandomKeys.New(40)}";
        db.OperatorKeys.Add(new OperatorKey(Secret.HashOf(key), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        _hash = Secret.HashOf(key);
        // Printed this once on purpose: it is the newcomer's way in. It is not stored anywhere in clear.
        logger.LogWarning("Generated operator key (shown once, keep it): {OperatorKey}", key);
    }
}
