using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Customers.GetIntegrations;

/// <summary>The Integrations tab: the customer id, the trigger URL to fill in, the bots and the API keys.</summary>
/// <param name="Cid">The customer.</param>
/// <param name="BaseUrl">Where this service is reached, for absolute trigger URLs (<c>https://api.example.com</c>).</param>
public sealed record GetIntegrationsQuery(string Cid, string BaseUrl) : IQuery<IntegrationsDto>;

public sealed class GetIntegrationsQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetIntegrationsQuery, IntegrationsDto>
{
    public async ValueTask<IntegrationsDto> Handle(GetIntegrationsQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(query.Cid, cancellationToken);
        var bots = await db.Bots.AsNoTracking().Where(b => b.CustomerCid == customer.Cid).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.CustomerCid == customer.Cid).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return new IntegrationsDto(
            customer.Cid,
            TriggerUrls.For(query.BaseUrl, customer.Cid, "{botKey}", "{flowKey}"),
            mapper.Map<List<BotDto>>(bots),
            mapper.Map<List<ApiKeyDto>>(keys));
    }
}

public static class TriggerUrls
{
    public static string For(string baseUrl, string cid, string botKey, string flowKey) =>
        $"{baseUrl.TrimEnd('/')}/bot_api/v1.0/customer/{cid}/bot/{botKey}/flow/{flowKey}";

    public static string StatusPath(string cid, string botKey, Guid executionId) =>
        $"/bot_api/v1.0/customer/{cid}/bot/{botKey}/executions/{executionId}";
}
