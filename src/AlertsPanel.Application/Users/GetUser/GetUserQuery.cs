using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Users.GetUser;

/// <summary>One user with every attribute and their most recent executions.</summary>
public sealed record GetUserQuery(string Cid, string BotKey, Guid UserId) : IQuery<BotUserDetailDto>;

public sealed class GetUserQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetUserQuery, BotUserDetailDto>
{
    public const int RecentExecutions = 20;

    public async ValueTask<BotUserDetailDto> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var bot = await db.BotAsync(query.Cid, query.BotKey, cancellationToken);
        var user = await db.BotUsers.AsNoTracking().SingleOrDefaultAsync(u => u.BotKey == bot.BotKey && u.Id == query.UserId, cancellationToken)
            ?? throw new NotFoundException("The user");
        var executions = await db.Executions.AsNoTracking().Where(e => e.UserId == user.Id)
            .OrderByDescending(e => e.CreatedAt).Take(RecentExecutions).ToListAsync(cancellationToken);
        return new BotUserDetailDto(user.Id, user.Name, user.Phone, user.Email, user.ExternalId, user.CreatedAt, user.UpdatedAt,
            user.Attributes, mapper.Map<List<ExecutionSummaryDto>>(executions));
    }
}
