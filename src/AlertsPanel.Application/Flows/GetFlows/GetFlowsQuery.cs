using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Flows.GetFlows;

public sealed record GetFlowsQuery(string Cid, string BotKey) : IQuery<IReadOnlyList<FlowSummaryDto>>;

public sealed record GetFlowQuery(string Cid, string BotKey, string FlowKey) : IQuery<FlowDto>;

public sealed class GetFlowsQueryHandler(IAppDbContext db, IMapper mapper)
    : IQueryHandler<GetFlowsQuery, IReadOnlyList<FlowSummaryDto>>, IQueryHandler<GetFlowQuery, FlowDto>
{
    public async ValueTask<IReadOnlyList<FlowSummaryDto>> Handle(GetFlowsQuery query, CancellationToken cancellationToken)
    {
        var bot = await db.BotAsync(query.Cid, query.BotKey, cancellationToken);
        var flows = await db.Flows.AsNoTracking().Where(f => f.BotKey == bot.BotKey).OrderBy(f => f.CreatedAt).ToListAsync(cancellationToken);
        return mapper.Map<List<FlowSummaryDto>>(flows);
    }

    public async ValueTask<FlowDto> Handle(GetFlowQuery query, CancellationToken cancellationToken)
    {
        var flow = await db.FlowAsync(query.Cid, query.BotKey, query.FlowKey, cancellationToken);
        return MappingProfile.ToDto(flow, await db.CurrentVersionAsync(flow, cancellationToken));
    }
}
