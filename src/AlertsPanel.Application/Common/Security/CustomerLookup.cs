using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Flows;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Common.Security;

/// <summary>
/// Finds a customer's things by their keys, always within the customer, so nothing of another
/// customer can be reached by guessing a key: the answer is the same 404 either way.
/// </summary>
public static class CustomerLookup
{
    public static async Task<Customer> CustomerAsync(this IAppDbContext db, string cid, CancellationToken ct) =>
        await db.Customers.SingleOrDefaultAsync(c => c.Cid == cid, ct) ?? throw new NotFoundException("The customer");

    public static async Task<Bot> BotAsync(this IAppDbContext db, string cid, string botKey, CancellationToken ct) =>
        await db.Bots.SingleOrDefaultAsync(b => b.CustomerCid == cid && b.BotKey == botKey, ct) ?? throw new NotFoundException("The bot");

    public static async Task<Flow> FlowAsync(this IAppDbContext db, string cid, string botKey, string flowKey, CancellationToken ct) =>
        await db.Flows.SingleOrDefaultAsync(f => f.CustomerCid == cid && f.BotKey == botKey && f.FlowKey == flowKey, ct)
            ?? throw new NotFoundException("The flow");

    public static async Task<FlowVersion> CurrentVersionAsync(this IAppDbContext db, Flow flow, CancellationToken ct) =>
        await db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowKey == flow.FlowKey && v.Version == flow.CurrentVersion, ct);
}
