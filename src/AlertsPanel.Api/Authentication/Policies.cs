namespace AlertsPanel.Api.Authentication;

public static class Policies
{
    /// <summary>Operator key or admin token (which one may reach which customer is <see cref="Endpoints.CustomerScope"/>'s job).</summary>
    public const string Management = "management";

    public const string Operator = "operator";

    /// <summary>An API key, for the trigger API.</summary>
    public const string Trigger = "trigger";
}
