using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AutoMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Executions.GetExecution;

/// <summary>One execution with its path and steps: the status endpoint of the trigger API and of the management API.</summary>
public sealed record GetExecutionQuery(string Cid, string BotKey, Guid ExecutionId) : IQuery<ExecutionDto>;

public sealed class GetExecutionQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetExecutionQuery, ExecutionDto>
{
    public async ValueTask<ExecutionDto> Handle(GetExecutionQuery query, CancellationToken cancellationToken)
    {
        var execution = await db.Executions.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == query.ExecutionId && e.CustomerCid == query.Cid && e.BotKey == query.BotKey, cancellationToken)
            ?? throw new NotFoundException("The execution");
        return mapper.Map<ExecutionDto>(execution);
    }
}
