namespace AlertsPanel.Domain.Customers;

public enum Plan
{
    Standard,
    Enterprise,
}

public static class Entitlements
{
    /// <summary>Forward integrations: starting a flow from an HTTP call.</summary>
    public const string ApiTriggers = "api_triggers";

    /// <summary>Entitlements follow from the plan, so changing the plan is the one way to change them.</summary>
    public static IReadOnlyList<string> Of(Plan plan) => plan switch
    {
        Plan.Enterprise => [ApiTriggers],
        _ => [],
    };
}
