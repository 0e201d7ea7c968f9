using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Models;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Domain.Executions;
using AutoMapper;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Executions.GetExecutions;

public sealed record GetExecutionsQuery(string Cid, string BotKey, string? Status, int? Page, int? PageSize) : IQuery<PagedList<ExecutionSummaryDto>>;

public sealed class GetExecutionsQueryValidator : AbstractValidator<GetExecutionsQuery>
{
    public GetExecutionsQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Wire.TryParse<ExecutionStatus>(s, out _))
            .WithMessage($"'status' must be one of {Wire.Names<ExecutionStatus>()}");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

public sealed class GetExecutionsQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetExecutionsQuery, PagedList<ExecutionSummaryDto>>
{
    public async ValueTask<PagedList<ExecutionSummaryDto>> Handle(GetExecutionsQuery query, CancellationToken cancellationToken)
    {
        var bot = await db.BotAsync(query.Cid, query.BotKey, cancellationToken);
        var executions = db.Executions.AsNoTracking().Where(e => e.BotKey == bot.BotKey);
        if (Wire.TryParse<ExecutionStatus>(query.Status, out var status))
        {
            executions = executions.Where(e => e.Status == status);
        }
        var page = await executions.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).ToPageAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<ExecutionSummaryDto>(mapper.Map<List<ExecutionSummaryDto>>(page.Items), page.Page, page.PageSize, page.TotalCount);
    }
}
