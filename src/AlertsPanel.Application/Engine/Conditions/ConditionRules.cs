using System.Text.RegularExpressions;

namespace AlertsPanel.Application.Engine.Conditions;

/// <summary>What makes a condition valid: known operators, valid attribute names, compilable patterns.</summary>
public static class ConditionRules
{
    public static IEnumerable<(string Path, string Message)> Check(Condition? condition, string path)
    {
        switch (condition)
        {
            case null:
                yield return (path, "a condition is required");
                break;
            case AllOf { Conditions.Count: 0 } or AnyOf { Conditions.Count: 0 }:
                yield return (path, "'all' and 'any' need at least one condition");
                break;
            case AllOf all:
                foreach (var problem in CheckList(all.Conditions, $"{path}.all"))
                {
                    yield return problem;
                }
                break;
            case AnyOf any:
                foreach (var problem in CheckList(any.Conditions, $"{path}.any"))
                {
                    yield return problem;
                }
                break;
            case NotOf not:
                foreach (var problem in Check(not.Condition, $"{path}.not"))
                {
                    yield return problem;
                }
                break;
            case Comparison comparison:
                foreach (var problem in CheckComparison(comparison, path))
                {
                    yield return problem;
                }
                break;
        }
    }

    private static IEnumerable<(string, string)> CheckList(IReadOnlyList<Condition> conditions, string path) =>
        conditions.SelectMany((c, i) => Check(c, $"{path}[{i}]"));

    private static IEnumerable<(string, string)> CheckComparison(Comparison comparison, string path)
    {
        if (!AttributeName.IsValid(comparison.Attribute))
        {
            yield return ($"{path}.attribute", $"an attribute name is required and {AttributeName.Rule}");
        }
        if (!Comparison.Operators.Contains(comparison.Operator))
        {
            yield return ($"{path}.operator", $"unknown operator '{comparison.Operator}'; the operators are {string.Join(", ", Comparison.Operators)}");
            yield break;
        }
        if (!Comparison.IsUnary(comparison.Operator) && comparison.Value is null)
        {
            yield return ($"{path}.value", $"'{comparison.Operator}' needs a value");
        }
        if (comparison.Operator == "matches" && comparison.Value is not null && !IsValidPattern(comparison.Value))
        {
            yield return ($"{path}.value", "is not a valid regular expression");
        }
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, Condition.RegexTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
