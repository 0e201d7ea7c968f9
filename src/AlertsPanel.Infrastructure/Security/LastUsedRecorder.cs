using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertsPanel.Infrastructure.Security;

/// <summary>Writes API keys' last-used times every few seconds, and once more at shutdown.</summary>
internal sealed class LastUsedRecorder(CredentialVerifier verifier, IServiceScopeFactory scopes, ILogger<LastUsedRecorder> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await FlushAsync(CancellationToken.None);
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        var used = verifier.DrainLastUsed();
        if (used.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var (keyId, at) in used)
            {
                await db.WriteAsync(ct => db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed last-used time is cosmetic; it must never take the service down.
            logger.LogWarning(ex, "Could not record the last use of {Count} API keys", used.Count);
        }
    }
}
