using AlertsPanel.Application.Engine;

namespace AlertsPanel.Application.Tests;

public sealed class TemplateTests
{
    private static readonly Dictionary<string, string> Attributes = new(StringComparer.OrdinalIgnoreCase) { ["category"] = "VIP", ["user.user_name"] = "Ann & Bob" };

    [Fact]
    public void Renders_attributes_and_leaves_unset_ones_empty() =>
        Assert.Equal("VIP/Ann & Bob/", Template.Render("{{category}}/{{ user.user_name }}/{{missing}}", Attributes));

    [Fact]
    public void Escapes_each_value_for_where_it_lands() =>
        Assert.Equal("name=Ann%20%26%20Bob", Template.Render("name={{user.user_name}}", Attributes, Uri.EscapeDataString));

    [Theory]
    [InlineData("plain text")]
    [InlineData("{{category}} and {{user.user_name}}")]
    public void Valid_templates_have_no_problem(string text) => Assert.Null(Template.Problem(text));

    [Theory]
    [InlineData("{{category")]
    [InlineData("{{ not valid! }}")]
    [InlineData("{{}}")]
    public void Broken_placeholders_are_problems(string text) => Assert.NotNull(Template.Problem(text));
}
