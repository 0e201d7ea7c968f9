using System.Security.Cryptography;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Api.Tests.Extending;

/// <summary>The node's settings: what follows "type" in the flow definition, in camelCase.</summary>
public sealed record AssignOwnerSettings : NodeSettings
{
    /// <summary>The sales reps who share the leads.</summary>
    public List<string>? Owners { get; init; }

    /// <summary>The attribute that receives the chosen rep.</summary>
    public string SaveAs { get; init; } = "owner";
}

/// <summary>Shares leads between sales reps; the same user always gets the same rep.</summary>
public sealed class AssignOwnerNode : NodeType<AssignOwnerSettings>
{
    private static readonly InlineValidator<AssignOwnerSettings> Rules = CreateRules();

    public override string TypeName => "assign_owner";

    // It only sets an attribute: the engine need not commit right after it.
    public override bool HasSideEffects => false;

    public override IValidator<AssignOwnerSettings> Validator => Rules;

    protected override ValueTask<NodeResult> ExecuteAsync(AssignOwnerSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        // Picked from the user's id, not at random: a repeated step (or trigger) picks the same rep.
        var hash = BitConverter.ToUInt32(SHA256.HashData(context.UserId.ToByteArray()));
        var owner = settings.Owners![(int)(hash % (uint)settings.Owners.Count)];
        context.SetAttribute(settings.SaveAs, owner);
        return ValueTask.FromResult(NodeResult.Continue(settings.Next, $"{settings.SaveAs} = {owner}"));
    }

    private static InlineValidator<AssignOwnerSettings> CreateRules()
    {
        var rules = new InlineValidator<AssignOwnerSettings>();
        rules.RuleFor(s => s.Owners).NotEmpty().WithMessage("at least one owner is required");
        rules.RuleForEach(s => s.Owners).NotEmpty().WithMessage("an owner must not be empty");
        rules.RuleFor(s => s.SaveAs).Must(AttributeName.IsValid).WithMessage($"saveAs {AttributeName.Rule}");
        return rules;
    }
}
