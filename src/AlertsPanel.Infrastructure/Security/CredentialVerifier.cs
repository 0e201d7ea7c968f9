using System.Collections.Concurrent;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Common;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Infrastructure.Security;

/// <summary>A verified API key: the customer it authenticates.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, string CustomerCid, bool ApiTriggersEntitled);

/// <summary>
/// Checks API keys and admin tokens: the row is found by the key's prefix, then the hash is compared
/// in constant time. Verified keys are remembered for a few seconds so a burst of triggers does not
/// read the key table each time; a revocation in this instance forgets the key at once, and other
/// instances within <see cref="CacheFor"/>.
/// </summary>
public sealed class CredentialVerifier(IServiceScopeFactory scopes, TimeProvider clock) : ICredentialCache
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private sealed record KeyRow(Guid Id, string CustomerCid, byte[] Hash, bool Revoked, bool ApiTriggersEntitled);

    private readonly ConcurrentDictionary<string, (KeyRow Row, DateTimeOffset Until)> _apiKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastUsed = new();

    public async ValueTask<ApiKeyIdentity?> VerifyApiKeyAsync(string presented, CancellationToken cancellationToken)
    {
        if (!Secret.TryGetPrefix(presented, ApiKey.Kind, out var prefix))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        KeyRow? row;
        if (_apiKeys.TryGetValue(prefix, out var cached) && cached.Until > now)
        {
            row = cached.Row;
        }
        else
        {
            row = await LoadApiKeyAsync(prefix, cancellationToken);
            if (row is null)
            {
                return null;
            }
            _apiKeys[prefix] = (row, now + CacheFor);
        }
        if (row.Revoked || !Secret.Matches(presented, row.Hash))
        {
            return null;
        }
        _lastUsed[row.Id] = now;
        return new ApiKeyIdentity(row.Id, row.CustomerCid, row.ApiTriggersEntitled);
    }

    /// <summary>The customer a management token belongs to, or null.</summary>
    public async ValueTask<string?> VerifyAdminTokenAsync(string presented, CancellationToken cancellationToken)
    {
        if (!Secret.TryGetPrefix(presented, AdminToken.Kind, out var prefix))
        {
            return null;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = await db.AdminTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Prefix == prefix, cancellationToken);
        return token is { RevokedAt: null } && Secret.Matches(presented, token.Hash) ? token.CustomerCid : null;
    }

    public void Forget(string apiKeyPrefix) => _apiKeys.TryRemove(apiKeyPrefix, out _);

    public void ForgetCustomer(string cid)
    {
        foreach (var (prefix, entry) in _apiKeys)
        {
            if (entry.Row.CustomerCid == cid)
            {
                _apiKeys.TryRemove(prefix, out _);
            }
        }
    }

    /// <summary>
    /// Last-used times gathered since the previous call. They are written in batches, not on every
    /// request, because a write per trigger would double the database work of the hot path.
    /// </summary>
    public IReadOnlyList<(Guid KeyId, DateTimeOffset LastUsedAt)> DrainLastUsed()
    {
        var drained = new List<(Guid, DateTimeOffset)>();
        foreach (var keyId in _lastUsed.Keys)
        {
            if (_lastUsed.TryRemove(keyId, out var at))
            {
                drained.Add((keyId, at));
            }
        }
        return drained;
    }

    private async Task<KeyRow?> LoadApiKeyAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        if (key is null)
        {
            return null;
        }
        var plan = await db.Customers.AsNoTracking().Where(c => c.Cid == key.CustomerCid).Select(c => c.Plan).SingleAsync(cancellationToken);
        return new KeyRow(key.Id, key.CustomerCid, key.Hash, key.RevokedAt != null, Entitlements.Of(plan).Contains(Entitlements.ApiTriggers));
    }
}
