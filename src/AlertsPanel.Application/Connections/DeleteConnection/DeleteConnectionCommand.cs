using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.NodeTypes;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Connections.DeleteConnection;

/// <summary>Removes a connection, unless the current version of a flow names it (409 names those flows).</summary>
public sealed record DeleteConnectionCommand(string Cid, string Name) : ICommand;

public sealed class DeleteConnectionCommandHandler(IAppDbContext db, CompiledFlowCache flows) : ICommandHandler<DeleteConnectionCommand>
{
    public async ValueTask<Unit> Handle(DeleteConnectionCommand command, CancellationToken cancellationToken)
    {
        var (cid, name) = (command.Cid, command.Name);
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.CustomerCid == cid && c.Name == name, cancellationToken)
            ?? throw new NotFoundException("The connection");

        // Asked of the compiled flows, so any node type built on connections counts, whatever it names its setting.
        var current = await db.Flows.AsNoTracking().Where(f => f.CustomerCid == cid)
            .Join(db.FlowVersions.AsNoTracking(), f => new { f.FlowKey, Version = f.CurrentVersion }, v => new { v.FlowKey, v.Version }, (f, v) => v)
            .ToListAsync(cancellationToken);
        var users = current
            .Where(version => flows.Get(version).Nodes.Values.Any(n => n.Settings is ConnectionActionSettings { Connection: var named } && named == name))
            .Select(version => version.FlowKey).ToList();
        if (users.Count > 0)
        {
            throw new ConflictException($"The connection '{name}' is used by flow(s) {string.Join(", ", users)}; change them first.");
        }

        db.Connections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
