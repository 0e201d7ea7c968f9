using AlertsPanel.Application.Engine.Conditions;
using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Application.Engine.BuiltIn;

public sealed record DecisionBranch(Condition? Condition, string? Next);

public sealed record DecisionSettings : NodeSettings
{
    public IReadOnlyList<DecisionBranch>? Branches { get; init; }

    /// <summary>Where to go when no branch matches; none ends the flow.</summary>
    public string? Default { get; init; }
}

/// <summary>Tries its branches in order and follows the first whose condition holds, else <c>default</c>.</summary>
public sealed class DecisionNode : NodeType<DecisionSettings>
{
    private static readonly InlineValidator<DecisionSettings> Rules = CreateRules();

    public override string TypeName => "decision";

    public override bool HasSideEffects => false;

    public override IValidator<DecisionSettings> Validator => Rules;

    protected override IEnumerable<NodeEdge> Edges(DecisionSettings settings)
    {
        var branches = settings.Branches ?? [];
        for (var i = 0; i < branches.Count; i++)
        {
            if (branches[i].Next is { } next)
            {
                yield return new NodeEdge($"branches[{i}].next", next);
            }
        }
        if (settings.Default is { } fallback)
        {
            yield return new NodeEdge("default", fallback);
        }
    }

    protected override IEnumerable<string> AttributesRead(DecisionSettings settings) =>
        (settings.Branches ?? []).SelectMany(b => b.Condition?.Attributes() ?? []);

    protected override ValueTask<NodeResult> ExecuteAsync(DecisionSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        var branches = settings.Branches ?? [];
        var explanations = new List<string>(branches.Count);
        for (var i = 0; i < branches.Count; i++)
        {
            Verdict verdict;
            try
            {
                verdict = branches[i].Condition!.Evaluate(context.Attributes);
            }
            catch (ConditionTimeoutException ex)
            {
                return ValueTask.FromResult(NodeResult.Fail($"branch {i}: {ex.Message}"));
            }
            explanations.Add(verdict.Explanation);
            if (verdict.Value)
            {
                return ValueTask.FromResult(NodeResult.Branch($"branch {i}", branches[i].Next, string.Join("; ", explanations)));
            }
        }
        explanations.Add(settings.Default is null ? "no branch matched, no default: the flow ends" : "no branch matched → default");
        return ValueTask.FromResult(NodeResult.Branch("default", settings.Default, string.Join("; ", explanations)));
    }

    private static InlineValidator<DecisionSettings> CreateRules()
    {
        var rules = new InlineValidator<DecisionSettings>();
        rules.RuleFor(s => s.Next).Null().WithMessage("a decision goes on through its branches and 'default', not 'next'");
        rules.RuleFor(s => s.Branches).NotEmpty().WithMessage("a decision needs at least one branch");
        rules.RuleForEach(s => s.Branches).ChildRules(branch =>
        {
            branch.RuleFor(b => b.Next).NotEmpty().WithMessage("each branch names the node it leads to");
            branch.RuleFor(b => b.Condition).Custom((condition, context) =>
            {
                // Failures added inside child rules are prefixed with the branch path (branches[0]) by FluentValidation.
                foreach (var (path, message) in ConditionRules.Check(condition, "condition"))
                {
                    context.AddFailure(path, message);
                }
            });
        });
        return rules;
    }
}
