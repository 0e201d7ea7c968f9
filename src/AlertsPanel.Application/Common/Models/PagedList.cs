using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Common.Models;

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>One page of an ordered query, with the total count; page and size default when not given.</summary>
    public static async Task<PagedList<TEntity>> ToPageAsync<TEntity>(this IOrderedQueryable<TEntity> query, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new PagedList<TEntity>(items, number, size, total);
    }
}
