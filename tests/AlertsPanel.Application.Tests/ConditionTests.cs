using System.Text.Json;
using AlertsPanel.Application.Engine.Conditions;
using AlertsPanel.Application.Engine.NodeTypes;

namespace AlertsPanel.Application.Tests;

public sealed class ConditionTests
{
    private static readonly Dictionary<string, string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["category"] = "VIP",
        ["score"] = "42.5",
        ["email"] = "ann@example.com",
        ["empty"] = "",
    };

    private static Condition Parse(string json) => JsonSerializer.Deserialize<Condition>(json, NodeTypeRegistry.SettingsJson)!;

    [Theory]
    [InlineData("equals", "vip", true)]
    [InlineData("equals", "Regular", false)]
    [InlineData("not_equals", "regular", true)]
    [InlineData("contains", "I", true)]
    [InlineData("not_contains", "x", true)]
    [InlineData("starts_with", "v", true)]
    [InlineData("ends_with", "P", true)]
    [InlineData("matches", "^v.p$", true)]
    [InlineData("matches", "^x", false)]
    public void Text_operators_ignore_case(string op, string value, bool expected)
    {
        var verdict = new Comparison("category", op, value).Evaluate(Attributes);

        Assert.Equal(expected, verdict.Value);
    }

    [Theory]
    [InlineData("greater_than", "42", true)]
    [InlineData("greater_than", "42.5", false)]
    [InlineData("greater_or_equal", "42.5", true)]
    [InlineData("less_than", "100", true)]
    [InlineData("less_or_equal", "42.50", true)]
    [InlineData("less_than", "abc", false)]
    public void Numeric_operators_compare_numbers(string op, string value, bool expected) =>
        Assert.Equal(expected, new Comparison("score", op, value).Evaluate(Attributes).Value);

    [Fact]
    public void Numeric_operators_are_false_for_text() =>
        Assert.False(new Comparison("category", "greater_than", "1").Evaluate(Attributes).Value);

    [Theory]
    [InlineData("category", "is_set", true)]
    [InlineData("empty", "is_set", false)]
    [InlineData("missing", "is_set", false)]
    [InlineData("missing", "is_not_set", true)]
    [InlineData("empty", "is_not_set", true)]
    public void Presence_operators(string attribute, string op, bool expected) =>
        Assert.Equal(expected, new Comparison(attribute, op, null).Evaluate(Attributes).Value);

    [Fact]
    public void Unset_attribute_only_satisfies_negative_comparisons()
    {
        Assert.False(new Comparison("missing", "equals", "").Evaluate(Attributes).Value);
        Assert.True(new Comparison("missing", "not_equals", "x").Evaluate(Attributes).Value);
    }

    [Fact]
    public void Explanation_reads_like_the_contract() =>
        Assert.Equal("category equals \"VIP\" → true", new Comparison("category", "equals", "VIP").Evaluate(Attributes).Explanation);

    [Fact]
    public void All_any_and_not_combine_and_explain()
    {
        var condition = Parse("""
            { "all": [
                { "attribute": "category", "operator": "equals", "value": "VIP" },
                { "any": [ { "attribute": "score", "operator": "greater_than", "value": 100 },
                           { "not": { "attribute": "email", "operator": "ends_with", "value": ".org" } } ] } ] }
            """);

        var verdict = condition.Evaluate(Attributes);

        Assert.True(verdict.Value);
        Assert.Contains("not(email ends_with \".org\" → false) → true", verdict.Explanation);
        Assert.Equal(["category", "score", "email"], condition.Attributes());
    }

    [Fact]
    public void All_stops_at_the_first_false()
    {
        var verdict = Parse("""{ "all": [ { "attribute": "category", "operator": "equals", "value": "no" }, { "attribute": "score", "operator": "is_set" } ] }""")
            .Evaluate(Attributes);

        Assert.False(verdict.Value);
        Assert.DoesNotContain("score", verdict.Explanation);
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_instead_of_stalling()
    {
        var attributes = new Dictionary<string, string> { ["text"] = new string('a', 40) + "!" };

        Assert.Throws<ConditionTimeoutException>(() => new Comparison("text", "matches", "^(a+)+$").Evaluate(attributes));
    }

    [Fact]
    public void Rules_name_unknown_operators_missing_values_and_bad_patterns()
    {
        var condition = Parse("""
            { "any": [ { "attribute": "a", "operator": "like", "value": "x" },
                       { "attribute": "a", "operator": "equals" },
                       { "attribute": "a", "operator": "matches", "value": "(" },
                       { "attribute": "9bad", "operator": "is_set" } ] }
            """);

        var problems = ConditionRules.Check(condition, "condition").Select(p => p.Path).ToList();

        Assert.Equal(["condition.any[0].operator", "condition.any[1].value", "condition.any[2].value", "condition.any[3].attribute"], problems);
    }
}
