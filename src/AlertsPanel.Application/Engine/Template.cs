using System.Text.RegularExpressions;

namespace AlertsPanel.Application.Engine;

/// <summary>
/// <c>{{attribute}}</c> placeholders in string settings. An unset attribute renders empty; each
/// value is escaped for where it lands (the caller passes the escaper: URL, JSON, HTML or none).
/// </summary>
public static partial class Template
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*\}\}")]
    private static partial Regex Placeholder();

    public static string Render(string text, IReadOnlyDictionary<string, string> attributes, Func<string, string>? escape = null)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }
        return Placeholder().Replace(text, match =>
        {
            var value = attributes.GetValueOrDefault(match.Groups[1].Value) ?? string.Empty;
            return escape is null ? value : escape(value);
        });
    }

    /// <summary>The attribute names a text reads.</summary>
    public static IEnumerable<string> AttributesIn(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>Why a text is not a valid template, or null when it is: every <c>{{</c> must open a placeholder.</summary>
    public static string? Problem(string text)
    {
        var index = text.IndexOf("{{", StringComparison.Ordinal);
        while (index >= 0)
        {
            var match = Placeholder().Match(text, index);
            if (!match.Success || match.Index != index)
            {
                var end = text.IndexOf("}}", index, StringComparison.Ordinal);
                var fragment = end < 0 ? text[index..Math.Min(text.Length, index + 40)] : text[index..(end + 2)];
                return $"'{fragment}' is not a valid placeholder: write {{{{attribute}}}}, where the attribute name {AttributeName.Rule}";
            }
            index = text.IndexOf("{{", match.Index + match.Length, StringComparison.Ordinal);
        }
        return null;
    }
}
