using System.Security.Claims;

namespace AlertsPanel.Api.Authentication;

public static class Schemes
{
    /// <summary>API keys, for the trigger API: <c>Basic &lt;apiKey&gt;</c> or <c>Basic base64(cid:apiKey)</c>.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>Operator key or admin token, for the management API: <c>Bearer &lt;token&gt;</c>.</summary>
    public const string Management = "Management";

    public const string CustomerClaim = "cid";

    /// <summary>Whether the key's customer holds the <c>api_triggers</c> entitlement (its plan, read with the key).</summary>
    public const string ApiTriggersClaim = "api_triggers";
    public const string OperatorRole = "operator";
    public const string AdminRole = "admin";

    public static string? Customer(this ClaimsPrincipal user) => user.FindFirstValue(CustomerClaim);

    public static bool IsOperator(this ClaimsPrincipal user) => user.IsInRole(OperatorRole);
}
