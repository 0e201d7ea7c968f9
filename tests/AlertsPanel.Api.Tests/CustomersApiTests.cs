using System.Net;
using System.Net.Http.Json;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class CustomersApiTests(ApiFactory api)
{
    [Fact]
    public async Task Operator_creates_a_customer_and_sees_its_secrets_once()
    {
        var response = await api.Operator().PostAsJsonAsync("/api/v1/customers", new { name = "Acme", plan = "enterprise" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Acme", (string)body["name"]!);
        Assert.Equal("enterprise", (string)body["plan"]!);
        Assert.Equal(["api_triggers"], body["entitlements"]!.AsArray().Select(e => (string)e!));
        Assert.StartsWith("apk_", (string)body["apiKey"]!);
        Assert.StartsWith("adm_", (string)body["adminToken"]!);

        var again = await (await api.Operator().GetAsync($"/api/v1/customers/{body["cid"]}")).JsonAsync();
        Assert.Null(again["apiKey"]);
        Assert.Null(again["adminToken"]);
    }

    [Fact]
    public async Task Standard_plan_has_no_entitlements_until_changed_to_enterprise()
    {
        var customer = await api.CreateCustomerAsync(plan: "standard");
        var before = await (await customer.Admin().GetAsync($"/api/v1/customers/{customer.Cid}")).JsonAsync();
        Assert.Empty(before["entitlements"]!.AsArray());

        var patched = await api.Operator().PatchAsJsonAsync($"/api/v1/customers/{customer.Cid}", new { plan = "enterprise" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(["api_triggers"], (await patched.JsonAsync())["entitlements"]!.AsArray().Select(e => (string)e!));
    }

    [Fact]
    public async Task Admin_token_cannot_create_customers_or_change_plans()
    {
        var customer = await api.CreateCustomerAsync();

        var create = await customer.Admin().PostAsJsonAsync("/api/v1/customers", new { name = "Other", plan = "enterprise" });
        var patch = await customer.Admin().PatchAsJsonAsync($"/api/v1/customers/{customer.Cid}", new { plan = "standard" });

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        await create.ProblemAsync();
    }

    [Fact]
    public async Task Admin_token_reaches_nothing_of_another_customer()
    {
        var mine = await api.CreateCustomerAsync();
        var theirs = await api.CreateCustomerAsync();
        var flowKey = await theirs.CreateFlowAsync(Support.Flows.LeadIntake());
        var admin = mine.Admin();

        string[] paths =
        [
            $"/api/v1/customers/{theirs.Cid}",
            $"/api/v1/customers/{theirs.Cid}/integrations",
            $"/api/v1/customers/{theirs.Cid}/bots",
            $"{theirs.BotPath}/flows/{flowKey}",
            $"{theirs.BotPath}/flows/{flowKey}/path-info",
            $"{theirs.BotPath}/users",
            $"{theirs.BotPath}/executions",
            // their bot under my customer id is not found either
            $"/api/v1/customers/{mine.Cid}/bots/{theirs.BotKey}",
            $"/api/v1/customers/{mine.Cid}/bots/{theirs.BotKey}/flows/{flowKey}",
        ];
        foreach (var path in paths)
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
            await response.ProblemAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/customers/{theirs.Cid}/api-keys", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{theirs.BotPath}/flows/{flowKey}/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Operator_sees_every_customer()
    {
        var customer = await api.CreateCustomerAsync();

        var response = await api.Operator().GetAsync($"/api/v1/customers/{customer.Cid}/integrations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer adm_aaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Basic opk_operator_key_for_tests")]
    public async Task Management_API_without_a_valid_token_is_401(string? authorization)
    {
        var client = api.Anonymous();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/api/v1/customers/whatever");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Unknown_customer_is_404()
    {
        var response = await api.Operator().GetAsync("/api/v1/customers/nosuchcustomer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("""{ "name": "Acme", "plan": "gold" }""", "plan")]
    [InlineData("""{ "plan": "enterprise" }""", "name")]
    [InlineData("""{ "name": "", "plan": "enterprise" }""", "name")]
    public async Task Invalid_customer_is_400_naming_the_field(string json, string field)
    {
        var response = await api.Operator().PostAsync("/api/v1/customers", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Malformed_json_is_400_not_500()
    {
        var response = await api.Operator().PostAsync("/api/v1/customers", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Integrations_view_lists_cid_trigger_template_bots_and_keys()
    {
        var customer = await api.CreateCustomerAsync();

        var body = await (await customer.Admin().GetAsync($"/api/v1/customers/{customer.Cid}/integrations")).JsonAsync();

        Assert.Equal(customer.Cid, (string)body["cid"]!);
        Assert.Equal($"https://api.example.test/bot_api/v1.0/customer/{customer.Cid}/bot/{{botKey}}/flow/{{flowKey}}", (string)body["triggerUrlTemplate"]!);
        var bot = Assert.Single(body["bots"]!.AsArray())!;
        Assert.Equal(customer.BotKey, (string)bot["botKey"]!);
        Assert.Equal("web", (string)bot["channel"]!);
        var key = Assert.Single(body["apiKeys"]!.AsArray())!;
        Assert.StartsWith((string)key["prefix"]!, customer.ApiKey);
        Assert.Null(key["revokedAt"]);
        Assert.DoesNotContain(customer.ApiKey, body.ToJsonString());
    }

    [Fact]
    public async Task A_second_key_allows_rotation_and_revoking_marks_the_key()
    {
        var customer = await api.CreateCustomerAsync();
        var admin = customer.Admin();

        var created = await admin.PostAsync($"/api/v1/customers/{customer.Cid}/api-keys", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var second = await created.JsonAsync();
        Assert.StartsWith("apk_", (string)second["apiKey"]!);

        var keys = (await (await admin.GetAsync($"/api/v1/customers/{customer.Cid}/integrations")).JsonAsync())["apiKeys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        Assert.All(keys, k => Assert.Null(k!["revokedAt"]));

        var revoked = await admin.DeleteAsync($"/api/v1/customers/{customer.Cid}/api-keys/{second["id"]}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        keys = (await (await admin.GetAsync($"/api/v1/customers/{customer.Cid}/integrations")).JsonAsync())["apiKeys"]!.AsArray();
        Assert.NotNull(keys.Single(k => (string)k!["id"]! == (string)second["id"]!)!["revokedAt"]);
        Assert.Null(keys.Single(k => (string)k!["id"]! != (string)second["id"]!)!["revokedAt"]);
    }

    [Fact]
    public async Task Revoking_another_customers_key_or_an_unknown_key_is_404()
    {
        var mine = await api.CreateCustomerAsync();
        var theirs = await api.CreateCustomerAsync();
        var theirKeyId = (string)(await (await theirs.Admin().GetAsync($"/api/v1/customers/{theirs.Cid}/integrations")).JsonAsync())["apiKeys"]![0]!["id"]!;

        var acrossCustomers = await api.Operator().DeleteAsync($"/api/v1/customers/{mine.Cid}/api-keys/{theirKeyId}");
        var unknown = await mine.Admin().DeleteAsync($"/api/v1/customers/{mine.Cid}/api-keys/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, acrossCustomers.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Health_is_200_with_a_reachable_database()
    {
        var response = await api.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Liveness_answers_without_credentials()
    {
        var response = await api.Anonymous().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
