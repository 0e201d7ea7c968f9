using System.Text.Json.Nodes;
using FluentValidation;

namespace AlertsPanel.Application.Flows;

public static class FlowDefinitionValidation
{
    /// <summary>Applies <see cref="FlowDefinitionRules"/>; each problem keeps its path in the definition.</summary>
    public static IRuleBuilderOptionsConditions<T, JsonNode?> MustBeValidFlow<T>(this IRuleBuilder<T, JsonNode?> rule, FlowDefinitionRules rules) =>
        rule.Custom((definition, context) =>
        {
            foreach (var (path, message) in rules.Check(definition))
            {
                context.AddFailure(path, message);
            }
        });
}
