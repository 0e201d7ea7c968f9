using System.Text.RegularExpressions;

namespace AlertsPanel.Application.Engine;

public static partial class AttributeName
{
    public const string Rule = "must start with a letter or _ and hold at most 64 letters, digits, '_', '.' or '-'";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Pattern();

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);
}
