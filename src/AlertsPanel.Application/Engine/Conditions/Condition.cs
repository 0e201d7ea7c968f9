using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AlertsPanel.Application.Engine.Conditions;

/// <summary>The verdict of a condition and a readable account of it: <c>category equals "VIP" → true</c>.</summary>
public readonly record struct Verdict(bool Value, string Explanation);

/// <summary>
/// A test on the user's attributes: a comparison, or <c>all</c> / <c>any</c> / <c>not</c> of others.
/// Text comparisons ignore case; the numeric ones are false when either side is not a number.
/// </summary>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition
{
    /// <summary>Regular expressions get this long at most, so a hostile pattern or value cannot stall a worker.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public abstract Verdict Evaluate(IReadOnlyDictionary<string, string> attributes);

    public abstract IEnumerable<string> Attributes();
}

public sealed record AllOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override Verdict Evaluate(IReadOnlyDictionary<string, string> attributes) => Combine("all", Conditions, attributes, stopAt: false);

    public override IEnumerable<string> Attributes() => Conditions.SelectMany(c => c.Attributes());

    // Stops at the first verdict equal to stopAt: the explanation lists only what was evaluated.
    internal static Verdict Combine(string name, IReadOnlyList<Condition> conditions, IReadOnlyDictionary<string, string> attributes, bool stopAt)
    {
        var parts = new List<string>();
        foreach (var condition in conditions)
        {
            var verdict = condition.Evaluate(attributes);
            parts.Add(verdict.Explanation);
            if (verdict.Value == stopAt)
            {
                return new Verdict(stopAt, $"{name}({string.Join("; ", parts)}) → {Text(stopAt)}");
            }
        }
        return new Verdict(!stopAt, $"{name}({string.Join("; ", parts)}) → {Text(!stopAt)}");
    }

    internal static string Text(bool value) => value ? "true" : "false";
}

public sealed record AnyOf(IReadOnlyList<Condition> Conditions) : Condition
{
    public override Verdict Evaluate(IReadOnlyDictionary<string, string> attributes) => AllOf.Combine("any", Conditions, attributes, stopAt: true);

    public override IEnumerable<string> Attributes() => Conditions.SelectMany(c => c.Attributes());
}

public sealed record NotOf(Condition Condition) : Condition
{
    public override Verdict Evaluate(IReadOnlyDictionary<string, string> attributes)
    {
        var inner = Condition.Evaluate(attributes);
        return new Verdict(!inner.Value, $"not({inner.Explanation}) → {AllOf.Text(!inner.Value)}");
    }

    public override IEnumerable<string> Attributes() => Condition.Attributes();
}

public sealed record Comparison(string Attribute, string Operator, string? Value) : Condition
{
    public static readonly IReadOnlyList<string> Operators =
    [
        "equals", "not_equals", "contains", "not_contains", "starts_with", "ends_with",
        "greater_than", "greater_or_equal", "less_than", "less_or_equal", "is_set", "is_not_set", "matches",
    ];

    /// <summary>Operators that compare with nothing: a <c>value</c> is not needed.</summary>
    public static bool IsUnary(string op) => op is "is_set" or "is_not_set";

    public override IEnumerable<string> Attributes() => [Attribute];

    public override Verdict Evaluate(IReadOnlyDictionary<string, string> attributes)
    {
        var actual = attributes.GetValueOrDefault(Attribute);
        var expected = Value ?? string.Empty;
        var result = Operator switch
        {
            "is_set" => !string.IsNullOrEmpty(actual),
            "is_not_set" => string.IsNullOrEmpty(actual),
            _ when actual is null => Operator is "not_equals" or "not_contains",
            "equals" => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "not_equals" => !string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase),
            "contains" => actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "not_contains" => !actual.Contains(expected, StringComparison.OrdinalIgnoreCase),
            "starts_with" => actual.StartsWith(expected, StringComparison.OrdinalIgnoreCase),
            "ends_with" => actual.EndsWith(expected, StringComparison.OrdinalIgnoreCase),
            "greater_than" => Compare(actual, expected) is > 0,
            "greater_or_equal" => Compare(actual, expected) is >= 0,
            "less_than" => Compare(actual, expected) is < 0,
            "less_or_equal" => Compare(actual, expected) is <= 0,
            "matches" => Matches(actual, expected),
            _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
        };
        var left = actual is null ? $"{Attribute} (unset)" : Attribute;
        var right = IsUnary(Operator) ? string.Empty : $" \"{expected}\"";
        return new Verdict(result, $"{left} {Operator}{right} → {AllOf.Text(result)}");
    }

    private static int? Compare(string actual, string expected) =>
        decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : null;

    private static bool Matches(string actual, string pattern)
    {
        try
        {
            return Regex.IsMatch(actual, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new ConditionTimeoutException(pattern);
        }
    }
}

/// <summary>A <c>matches</c> condition ran out of time; the step fails rather than guessing a verdict.</summary>
public sealed class ConditionTimeoutException(string pattern)
    : Exception($"the regular expression \"{pattern}\" took longer than {Condition.RegexTimeout.TotalMilliseconds} ms");
