using System.Text.Json.Nodes;
using FluentValidation;

namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>
/// A kind of node a flow can use. Implement it through <see cref="NodeType{TSettings}"/> and register it
/// with <c>services.AddNodeType&lt;T&gt;()</c>; the engine and the flow validator find it by <see cref="TypeName"/>.
/// </summary>
public interface INodeType
{
    /// <summary>The <c>type</c> written in flow definitions. Stored flows keep this name, never a CLR name.</summary>
    string TypeName { get; }

    /// <summary>The record the node's JSON settings are read into.</summary>
    Type SettingsType { get; }

    /// <summary>
    /// True when running the node changes something outside the execution (a message, a record).
    /// The engine commits the execution right after such a step, so a crash re-runs at most that one step.
    /// </summary>
    bool HasSideEffects { get; }

    IEnumerable<NodeEdge> Edges(NodeSettings settings);

    /// <summary>Attributes the node reads besides <c>{{templates}}</c> in its string settings (which are found for it).</summary>
    IEnumerable<string> AttributesRead(NodeSettings settings);

    IValidator? Validator { get; }

    /// <summary>
    /// Problems only the flow's surroundings reveal (the bot's channel, the customer's connections, the
    /// bot's other flows), checked when a flow is saved: the setting's name and what is wrong with it.
    /// </summary>
    IEnumerable<(string Setting, string Message)> CheckSurroundings(NodeSettings settings, FlowSurroundings surroundings);

    ValueTask<NodeResult> ExecuteAsync(NodeSettings settings, NodeContext context, CancellationToken cancellationToken);
}

/// <summary>The base of every node type: a settings record, an optional validator and an executor.</summary>
/// <typeparam name="TSettings">The node's settings, read from its JSON in the flow definition.</typeparam>
public abstract class NodeType<TSettings> : INodeType where TSettings : NodeSettings
{
    public abstract string TypeName { get; }

    public Type SettingsType => typeof(TSettings);

    /// <summary>Defaults to true: an unknown effect is treated as an outside one, which is the safe side.</summary>
    public virtual bool HasSideEffects => true;

    /// <summary>Validates the settings when a flow is saved; property paths are relative to the node.</summary>
    public virtual IValidator<TSettings>? Validator => null;

    IValidator? INodeType.Validator => Validator;

    /// <summary>The nodes this one can lead to; by default its <c>next</c>.</summary>
    protected virtual IEnumerable<NodeEdge> Edges(TSettings settings) =>
        settings.Next is null ? [] : [new NodeEdge("next", settings.Next)];

    protected virtual IEnumerable<string> AttributesRead(TSettings settings) => [];

    /// <summary>Checks against the flow's surroundings at save time; by default none.</summary>
    protected virtual IEnumerable<(string Setting, string Message)> CheckSurroundings(TSettings settings, FlowSurroundings surroundings) => [];

    protected abstract ValueTask<NodeResult> ExecuteAsync(TSettings settings, NodeContext context, CancellationToken cancellationToken);

    IEnumerable<NodeEdge> INodeType.Edges(NodeSettings settings) => Edges((TSettings)settings);

    IEnumerable<string> INodeType.AttributesRead(NodeSettings settings) => AttributesRead((TSettings)settings);

    IEnumerable<(string Setting, string Message)> INodeType.CheckSurroundings(NodeSettings settings, FlowSurroundings surroundings) =>
        CheckSurroundings((TSettings)settings, surroundings);

    ValueTask<NodeResult> INodeType.ExecuteAsync(NodeSettings settings, NodeContext context, CancellationToken cancellationToken) =>
        ExecuteAsync((TSettings)settings, context, cancellationToken);
}

/// <summary>A node of a flow with its type resolved and its settings read.</summary>
public sealed record ResolvedNode(INodeType Type, NodeSettings Settings, JsonObject Json)
{
    public string Id => Settings.Id;
}
