using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Application.Engine.BuiltIn;

public sealed record SetAttributeSettings : NodeSettings
{
    public string? Attribute { get; init; }

    /// <summary>The value to set; <c>{{templates}}</c> are rendered without escaping.</summary>
    public string? Value { get; init; }
}

/// <summary>Sets an attribute for the rest of the flow and on the bot user.</summary>
public sealed class SetAttributeNode : NodeType<SetAttributeSettings>
{
    private static readonly InlineValidator<SetAttributeSettings> Rules = CreateRules();

    public override string TypeName => "set_attribute";

    public override bool HasSideEffects => false;

    public override IValidator<SetAttributeSettings> Validator => Rules;

    protected override ValueTask<NodeResult> ExecuteAsync(SetAttributeSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        var value = context.Render(settings.Value!);
        context.SetAttribute(settings.Attribute!, value);
        return ValueTask.FromResult(NodeResult.Continue(settings.Next, $"{settings.Attribute} = \"{value}\""));
    }

    private static InlineValidator<SetAttributeSettings> CreateRules()
    {
        var rules = new InlineValidator<SetAttributeSettings>();
        rules.RuleFor(s => s.Attribute).Must(AttributeName.IsValid).WithMessage($"an attribute name is required and {AttributeName.Rule}");
        rules.RuleFor(s => s.Value).NotNull().WithMessage("a value is required (it may be empty)");
        return rules;
    }
}
