namespace AlertsPanel.Domain.Users;

/// <summary>The user attributes the product itself understands, each with the short alias requests may use.</summary>
public static class ReservedAttributes
{
    public const string UserName = "user.user_name";
    public const string Phone = "user.phone";
    public const string Email = "user.email";
    public const string ExternalId = "user.external_id";

    private static readonly Dictionary<string, string> AliasToName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = UserName,
        ["phone"] = Phone,
        ["email"] = Email,
        ["external_id"] = ExternalId,
    };

    private static readonly HashSet<string> Names = new(AliasToName.Values, StringComparer.OrdinalIgnoreCase);

    /// <summary>The attribute a request parameter names: an alias becomes its full name, a reserved name its canonical spelling.</summary>
    public static string Canonical(string parameterName)
    {
        if (AliasToName.TryGetValue(parameterName, out var name))
        {
            return name;
        }
        return Names.TryGetValue(parameterName, out var reserved) ? reserved : parameterName;
    }
}
