using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Domain.Flows;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Connections.DeleteConnection;

/// <summary>Removes a connection, unless the current version of a flow names it (409 names those flows).</summary>
public sealed record DeleteConnectionCommand(string Cid, string Name) : ICommand;

public sealed class DeleteConnectionCommandHandler(IAppDbContext db) : ICommandHandler<DeleteConnectionCommand>
{
    public async ValueTask<Unit> Handle(DeleteConnectionCommand command, CancellationToken cancellationToken)
    {
        var (cid, name) = (command.Cid, command.Name);
        var connection = await db.Connections.SingleOrDefaultAsync(c => c.CustomerCid == cid && c.Name == name, cancellationToken)
            ?? throw new NotFoundException("The connection");

        var current = await db.Flows.AsNoTracking().Where(f => f.CustomerCid == cid)
            .Join(db.FlowVersions.AsNoTracking(), f => new { f.FlowKey, Version = f.CurrentVersion }, v => new { v.FlowKey, v.Version },
                (f, v) => new { f.FlowKey, v.Definition })
            .ToListAsync(cancellationToken);
        var users = current.Where(f => FlowDefinition.FromJson(f.Definition).Nodes.Any(n => Names(n, name))).Select(f => f.FlowKey).ToList();
        if (users.Count > 0)
        {
            throw new ConflictException($"The connection '{name}' is used by flow(s) {string.Join(", ", users)}; change them first.");
        }

        db.Connections.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static bool Names(Node node, string connection) =>
        node.Settings["connection"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var named) && named == connection;
}
