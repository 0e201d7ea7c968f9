using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Connections.GetConnections;

public sealed record GetConnectionsQuery(string Cid) : IQuery<IReadOnlyList<ConnectionDto>>;

public sealed record GetConnectionQuery(string Cid, string Name) : IQuery<ConnectionDto>;

public sealed class GetConnectionsQueryHandler(IAppDbContext db)
    : IQueryHandler<GetConnectionsQuery, IReadOnlyList<ConnectionDto>>, IQueryHandler<GetConnectionQuery, ConnectionDto>
{
    public async ValueTask<IReadOnlyList<ConnectionDto>> Handle(GetConnectionsQuery query, CancellationToken cancellationToken)
    {
        var cid = (await db.CustomerAsync(query.Cid, cancellationToken)).Cid;
        var connections = await db.Connections.AsNoTracking().Where(c => c.CustomerCid == cid).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        return connections.Select(ConnectionDto.From).ToList();
    }

    public async ValueTask<ConnectionDto> Handle(GetConnectionQuery query, CancellationToken cancellationToken)
    {
        var (cid, name) = (query.Cid, query.Name);
        var connection = await db.Connections.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerCid == cid && c.Name == name, cancellationToken)
            ?? throw new NotFoundException("The connection");
        return ConnectionDto.From(connection);
    }
}
