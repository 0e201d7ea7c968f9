using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Models;
using AlertsPanel.Application.Common.Security;
using AutoMapper;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Users.GetUsers;

/// <summary>A bot's users, newest first; <c>search</c> matches the start of name, phone, e-mail or external id.</summary>
public sealed record GetUsersQuery(string Cid, string BotKey, string? Search, int? Page, int? PageSize) : IQuery<PagedList<BotUserDto>>;

public sealed class GetUsersQueryValidator : AbstractValidator<GetUsersQuery>
{
    public GetUsersQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(200);
    }
}

public sealed class GetUsersQueryHandler(IAppDbContext db, IMapper mapper) : IQueryHandler<GetUsersQuery, PagedList<BotUserDto>>
{
    public async ValueTask<PagedList<BotUserDto>> Handle(GetUsersQuery query, CancellationToken cancellationToken)
    {
        var bot = await db.BotAsync(query.Cid, query.BotKey, cancellationToken);
        var users = db.BotUsers.AsNoTracking().Where(u => u.BotKey == bot.BotKey);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var lower = term.ToLowerInvariant();
            users = users.Where(u => u.Name!.StartsWith(term) || u.Phone!.StartsWith(term) || u.Phone!.StartsWith("+" + term)
                || u.Email!.StartsWith(lower) || u.ExternalId!.StartsWith(term));
        }
        var page = await users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).ToPageAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<BotUserDto>(mapper.Map<List<BotUserDto>>(page.Items), page.Page, page.PageSize, page.TotalCount);
    }
}
