using AlertsPanel.Domain.Common;

namespace AlertsPanel.Domain.Customers;

public sealed class Customer
{
    private Customer(string cid, string name, Plan plan, DateTimeOffset createdAt)
    {
        Cid = cid;
        Name = name;
        Plan = plan;
        CreatedAt = createdAt;
    }

    public string Cid { get; private set; }
    public string Name { get; private set; }
    public Plan Plan { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<ApiKey> ApiKeys { get; private set; } = [];
    public List<AdminToken> AdminTokens { get; private set; } = [];

    public IReadOnlyList<string> Entitlements => Customers.Entitlements.Of(Plan);

    public bool Has(string entitlement) => Entitlements.Contains(entitlement);

    /// <summary>A new customer with its first API key and admin token, whose secrets are returned once.</summary>
    public static (Customer Customer, Secret ApiKey, Secret AdminToken) Create(string name, Plan plan, DateTimeOffset now)
    {
        var customer = new Customer(RandomKeys.New(), name, plan, now);
        var apiKey = customer.IssueApiKey(now);
        var adminToken = Secret.Issue(AdminToken.Kind);
        customer.AdminTokens.Add(new AdminToken(Guid.CreateVersion7(now), customer.Cid, adminToken.Prefix, adminToken.Hash, now));
        return (customer, apiKey.Secret, adminToken);
    }

    /// <summary>Another key, valid beside the existing ones, so integrators can rotate without downtime.</summary>
    public (ApiKey Key, Secret Secret) IssueApiKey(DateTimeOffset now)
    {
        var secret = Secret.Issue(ApiKey.Kind);
        var key = new ApiKey(Guid.CreateVersion7(now), Cid, secret.Prefix, secret.Hash, now);
        ApiKeys.Add(key);
        return (key, secret);
    }

    public void ChangePlan(Plan plan) => Plan = plan;
}
