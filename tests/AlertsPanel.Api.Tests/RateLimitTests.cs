using System.Net;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class RateLimitedApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Triggers:RateLimitPerSecond"] = "3",
    };
}

public sealed class RateLimitTests(RateLimitedApiFactory api) : IClassFixture<RateLimitedApiFactory>
{
    [Fact]
    public async Task Over_the_customers_limit_is_429_with_retry_after_and_other_customers_are_unaffected()
    {
        var customer = await api.CreateCustomerAsync();
        var other = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(Support.Flows.LeadIntake());
        var otherFlow = await other.CreateFlowAsync(Support.Flows.LeadIntake());
        var client = api.WithApiKey(customer.ApiKey);

        // A bucket of 3 tokens refilled each second: a quick run of requests must hit the limit.
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < 20 && rejected is null; i++)
        {
            var response = await client.PostAsync(customer.TriggerPath(flowKey), null);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
        }

        Assert.NotNull(rejected);
        Assert.NotNull(rejected.Headers.RetryAfter);
        await rejected.ProblemAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await api.WithApiKey(other.ApiKey).PostAsync(other.TriggerPath(otherFlow), null)).StatusCode);
    }
}
