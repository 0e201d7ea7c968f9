using AlertsPanel.Application.Engine.NodeTypes;

namespace AlertsPanel.Application.Engine.BuiltIn;

public sealed record StartSettings : NodeSettings;

/// <summary>Where a flow begins; it only passes on to <c>next</c>.</summary>
public sealed class StartNode : NodeType<StartSettings>
{
    public override string TypeName => "start";

    public override bool HasSideEffects => false;

    protected override ValueTask<NodeResult> ExecuteAsync(StartSettings settings, NodeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NodeResult.Continue(settings.Next));
}
