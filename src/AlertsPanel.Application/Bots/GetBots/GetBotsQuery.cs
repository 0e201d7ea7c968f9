using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Bots.GetBots;

public sealed record GetBotsQuery(string Cid) : IQuery<IReadOnlyList<BotDto>>;

public sealed record GetBotQuery(string Cid, string BotKey) : IQuery<BotDto>;

public sealed class GetBotsQueryHandler(IAppDbContext db, IMapper mapper)
    : IQueryHandler<GetBotsQuery, IReadOnlyList<BotDto>>, IQueryHandler<GetBotQuery, BotDto>
{
    public async ValueTask<IReadOnlyList<BotDto>> Handle(GetBotsQuery query, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(query.Cid, cancellationToken);
        var bots = await db.Bots.AsNoTracking().Where(b => b.CustomerCid == customer.Cid).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        return mapper.Map<List<BotDto>>(bots);
    }

    public async ValueTask<BotDto> Handle(GetBotQuery query, CancellationToken cancellationToken) =>
        mapper.Map<BotDto>(await db.BotAsync(query.Cid, query.BotKey, cancellationToken));
}
