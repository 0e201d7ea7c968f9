using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Application.Engine.BuiltIn;

public sealed record GoToFlowSettings : NodeSettings
{
    /// <summary>Another flow of the same bot; the execution continues at its start node, in its current version.</summary>
    public string? FlowKey { get; init; }
}

/// <summary>Continues the execution in another flow of the same bot, with the same user and attributes.</summary>
public sealed class GoToFlowNode : NodeType<GoToFlowSettings>
{
    private static readonly InlineValidator<GoToFlowSettings> Rules = CreateRules();

    public override string TypeName => "go_to_flow";

    public override bool HasSideEffects => false;

    public override IValidator<GoToFlowSettings> Validator => Rules;

    protected override IEnumerable<(string Setting, string Message)> CheckSurroundings(GoToFlowSettings settings, FlowSurroundings surroundings) =>
        surroundings.FlowKeys.Contains(settings.FlowKey!) ? [] : [("flowKey", $"the bot has no flow with key '{settings.FlowKey}'")];

    protected override ValueTask<NodeResult> ExecuteAsync(GoToFlowSettings settings, NodeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NodeResult.Jump(settings.FlowKey!, $"continue in flow {settings.FlowKey}"));

    private static InlineValidator<GoToFlowSettings> CreateRules()
    {
        var rules = new InlineValidator<GoToFlowSettings>();
        rules.RuleFor(s => s.FlowKey).NotEmpty().WithMessage("the key of the flow to continue in is required");
        rules.RuleFor(s => s.Next).Null().WithMessage("the flow continues in the other flow: a go_to_flow node has no next node");
        return rules;
    }
}
