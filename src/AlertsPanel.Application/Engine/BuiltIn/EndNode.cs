using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Application.Engine.BuiltIn;

public sealed record EndSettings : NodeSettings;

/// <summary>Ends the flow.</summary>
public sealed class EndNode : NodeType<EndSettings>
{
    private static readonly InlineValidator<EndSettings> Rules = CreateRules();

    public override string TypeName => "end";

    public override bool HasSideEffects => false;

    public override IValidator<EndSettings> Validator => Rules;

    protected override ValueTask<NodeResult> ExecuteAsync(EndSettings settings, NodeContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NodeResult.Continue(next: null));

    private static InlineValidator<EndSettings> CreateRules()
    {
        var rules = new InlineValidator<EndSettings>();
        rules.RuleFor(s => s.Next).Null().WithMessage("an end node has no next node");
        return rules;
    }
}
