using AlertsPanel.Application.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>Settings of a node that acts on the outside world: where to go when it cannot.</summary>
public abstract record ActionSettings : NodeSettings
{
    /// <summary>The node to continue at when the action fails; without it the execution fails.</summary>
    public string? OnError { get; init; }
}

/// <summary>Settings of an action that goes through one of the customer's connections.</summary>
public abstract record ConnectionActionSettings : ActionSettings
{
    public string? Connection { get; init; }
}

/// <summary>A node type with outside effects and an <c>onError</c> arrow.</summary>
public abstract class ActionNodeType<TSettings> : NodeType<TSettings> where TSettings : ActionSettings
{
    protected override IEnumerable<NodeEdge> Edges(TSettings settings) =>
        base.Edges(settings).Concat(settings.OnError is null ? [] : [new NodeEdge("onError", settings.OnError)]);
}

/// <summary>
/// An action through a connection of type <see cref="ConnectionType"/>: a flow naming a missing
/// connection, or one of another type, is refused when saved.
/// </summary>
public abstract class ConnectionNodeType<TSettings> : ActionNodeType<TSettings> where TSettings : ConnectionActionSettings
{
    public abstract string ConnectionType { get; }

    protected override IEnumerable<(string Setting, string Message)> CheckSurroundings(TSettings settings, FlowSurroundings surroundings)
    {
        if (settings.Connection is null)
        {
            yield return ("connection", $"the name of a {ConnectionType} connection is required");
        }
        else if (!surroundings.Connections.TryGetValue(settings.Connection, out var type))
        {
            yield return ("connection", $"the customer has no connection named '{settings.Connection}'");
        }
        else if (type != ConnectionType)
        {
            yield return ("connection", $"'{settings.Connection}' is a {type} connection; this node needs a {ConnectionType} one");
        }
    }

    /// <summary>Reads the node's connection (secrets decrypted) and runs the action with it.</summary>
    protected sealed override async ValueTask<NodeResult> ExecuteAsync(TSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        var connection = await context.Services.GetRequiredService<ConnectionReader>().FindAsync(context.CustomerCid, settings.Connection!, cancellationToken);
        // Deleting a connection is refused while a flow's current version names it, but a queued
        // execution may still run an older version that does.
        return connection is null
            ? NodeResult.Error(settings.OnError, $"the connection '{settings.Connection}' no longer exists")
            : await ExecuteAsync(settings, connection, context, cancellationToken);
    }

    protected abstract ValueTask<NodeResult> ExecuteAsync(TSettings settings, ConnectionSettings connection, NodeContext context, CancellationToken cancellationToken);
}
