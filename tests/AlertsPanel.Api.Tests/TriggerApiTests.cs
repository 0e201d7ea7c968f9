using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class TriggerApiTests(ApiFactory api)
{
    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(TestCustomer Customer, string FlowKey)> LeadIntakeAsync(string channel = "web", string plan = "enterprise")
    {
        var customer = await api.CreateCustomerAsync(plan: "enterprise", channel: channel);
        var flowKey = await customer.CreateFlowAsync(Support.Flows.LeadIntake());
        if (plan != "enterprise")
        {
            (await api.Operator().PatchAsJsonAsync($"/api/v1/customers/{customer.Cid}", new { plan })).EnsureSuccessStatusCode();
        }
        return (customer, flowKey);
    }

    [Fact]
    public async Task VIP_form_post_takes_the_VIP_branch()
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=10", Form(("category", "VIP"), ("name", "Ann")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var execution = await response.JsonAsync();
        Assert.Equal("completed", (string)execution["status"]!);
        Assert.Equal(["start", "route", "vip", "done"], execution["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("gold", (string)execution["attributes"]!["tier"]!);
        Assert.Equal("category equals \"VIP\" → true", (string)execution["steps"]![1]!["detail"]!);
        Assert.Equal(1, (int)execution["flowVersion"]!);
    }

    [Fact]
    public async Task Non_VIP_json_post_takes_the_default_branch_and_updates_the_user()
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=10",
            Json("""{ "category": "Regular", "external_id": "crm-7", "address": { "city": "Pune" }, "score": 12, "optin": true }"""));

        var execution = await response.JsonAsync();
        Assert.Equal(["start", "route", "regular", "done"], execution["path"]!.AsArray().Select(p => (string)p!));
        var attributes = execution["attributes"]!;
        Assert.Equal("standard Regular", (string)attributes["tier"]!);
        Assert.Equal("Pune", (string)attributes["address.city"]!);
        Assert.Equal("12", (string)attributes["score"]!);
        Assert.Equal("true", (string)attributes["optin"]!);
        var user = await (await customer.Admin().GetAsync($"{customer.BotPath}/users/{execution["userId"]}")).JsonAsync();
        Assert.Equal("crm-7", (string)user["externalId"]!);
        Assert.Equal("standard Regular", (string)user["attributes"]!["tier"]!); // set_attribute reached the user
        Assert.Single(user["recentExecutions"]!.AsArray());
    }

    [Fact]
    public async Task Accepted_answer_has_location_and_the_status_endpoint_follows_it()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.WithApiKey(customer.ApiKey);

        var response = await client.PostAsync($"{customer.TriggerPath(flowKey)}?category=VIP", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.JsonAsync();
        Assert.True((bool)accepted["userCreated"]!);
        Assert.Equal((string)accepted["statusUrl"]!, response.Headers.Location!.ToString());
        Assert.Equal($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/executions/{accepted["executionId"]}", (string)accepted["statusUrl"]!);
        var status = await (await client.GetAsync((string)accepted["statusUrl"]!)).JsonAsync();
        Assert.Equal((string)accepted["executionId"]!, (string)status["executionId"]!);
        Assert.Equal(flowKey, (string)status["flowKey"]!);
    }

    [Fact]
    public async Task WhatsApp_user_is_named_by_phone_updated_by_the_same_phone_and_never_renamed_to_it()
    {
        var (customer, flowKey) = await LeadIntakeAsync(channel: "whatsapp");
        var client = api.WithApiKey(customer.ApiKey);

        var first = await (await client.PostAsync($"{customer.TriggerPath(flowKey)}?wait=10", Form(("phone", "+91 98123 45678"), ("category", "VIP")))).JsonAsync();
        Assert.Equal("+919812345678", (string)first["attributes"]!["user.user_name"]!);

        var named = await (await client.PostAsync($"{customer.TriggerPath(flowKey)}?wait=10", Form(("phone", "919812345678"), ("name", "Ann")))).JsonAsync();
        var again = await (await client.PostAsync($"{customer.TriggerPath(flowKey)}?wait=10", Form(("phone", "+919812345678"), ("category", "x")))).JsonAsync();

        Assert.Equal((string)first["userId"]!, (string)named["userId"]!);
        Assert.Equal((string)first["userId"]!, (string)again["userId"]!);
        Assert.Equal("Ann", (string)again["attributes"]!["user.user_name"]!);
        var users = await (await customer.Admin().GetAsync($"{customer.BotPath}/users")).JsonAsync();
        Assert.Equal(1, (int)users["totalCount"]!);
    }

    [Theory]
    [InlineData("category=VIP")]
    [InlineData("phone=12")]
    public async Task WhatsApp_bot_requires_a_valid_phone(string form)
    {
        var (customer, flowKey) = await LeadIntakeAsync(channel: "whatsapp");

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey),
            new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("phone", (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Body_values_override_query_values()
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var execution = await (await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=10&category=Regular", Form(("category", "VIP")))).JsonAsync();

        Assert.Equal("gold", (string)execution["attributes"]!["tier"]!);
    }

    [Fact]
    public async Task Rfc7617_basic_credentials_work_and_another_customers_key_is_401()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var other = await api.CreateCustomerAsync();
        var rfc = api.Anonymous();
        rfc.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{customer.Cid}:{customer.ApiKey}")));

        Assert.Equal(HttpStatusCode.Accepted, (await rfc.PostAsync(customer.TriggerPath(flowKey), null)).StatusCode);
        var foreign = await api.WithApiKey(other.ApiKey).PostAsync(customer.TriggerPath(flowKey), null);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal("Basic realm=\"AlertsPanel\"", foreign.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic")]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic bm8tY29sb24taGVyZQ==")] // "no-colon-here"
    [InlineData("Basic Og==")] // ":"
    [InlineData("Bearer apk_x")]
    [InlineData("Basic apk_aaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Missing_or_malformed_credentials_are_the_same_401(string? authorization)
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.Anonymous();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.PostAsync(customer.TriggerPath(flowKey), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"AlertsPanel\"", response.Headers.WwwAuthenticate.ToString());
        var problem = await response.ProblemAsync();
        Assert.DoesNotContain(customer.Cid, problem.ToJsonString());
    }

    [Fact]
    public async Task Oversized_authorization_header_is_401()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.Anonymous();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic " + new string('A', 5000));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(customer.TriggerPath(flowKey), null)).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_401_at_once()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.WithApiKey(customer.ApiKey);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(customer.TriggerPath(flowKey), null)).StatusCode);
        var keyId = (string)(await (await customer.Admin().GetAsync($"/api/v1/customers/{customer.Cid}/integrations")).JsonAsync())["apiKeys"]![0]!["id"]!;

        (await customer.Admin().DeleteAsync($"/api/v1/customers/{customer.Cid}/api-keys/{keyId}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(customer.TriggerPath(flowKey), null)).StatusCode);
    }

    [Fact]
    public async Task Standard_plan_customer_is_403_with_the_contract_text()
    {
        var (customer, flowKey) = await LeadIntakeAsync(plan: "standard");

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var detail = (string)(await response.ProblemAsync())["detail"]!;
        Assert.Contains("enterprise plans", detail);
        Assert.Contains("contact support", detail);
    }

    [Fact]
    public async Task Unknown_bot_or_flow_is_404_and_a_disabled_flow_is_409()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.WithApiKey(customer.ApiKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync(customer.TriggerPath("nosuchflow"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/nosuchbot/flow/{flowKey}", null)).StatusCode);
        (await customer.Admin().PostAsync($"{customer.BotPath}/flows/{flowKey}/disable", null)).EnsureSuccessStatusCode();
        var disabled = await client.PostAsync(customer.TriggerPath(flowKey), null);
        Assert.Equal(HttpStatusCode.Conflict, disabled.StatusCode);
        await disabled.ProblemAsync();
    }

    public static TheoryData<string, string, string> BadParameters => new()
    {
        { "application/json", """{ "tags": ["a", "b"] }""", "tags" },
        { "application/json", """{ "9lives": "x" }""", "9lives" },
        { "application/json", $$"""{ "note": "{{new string('x', 4097)}}" }""", "note" },
        { "application/json", """{ "email": "not-an-address" }""", "email" },
        { "application/json", "[1, 2]", "body" },
        { "application/json", "{ \"a\": ", "body" },
        { "application/x-www-form-urlencoded", "a=1&a=2", "a" },
        { "application/x-www-form-urlencoded", "bad name=1", "bad name" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task Bad_parameters_are_400_naming_each(string contentType, string body, string field)
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ProblemAsync()).ErrorKeys());
        var executions = await (await customer.Admin().GetAsync($"{customer.BotPath}/executions")).JsonAsync();
        Assert.Equal(0, (int)executions["totalCount"]!); // nothing half-written
    }

    [Fact]
    public async Task More_than_100_parameters_is_400()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var form = Form(Enumerable.Range(0, 101).Select(i => ($"p{i}", "v")).ToArray());

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("parameters", (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Body_over_64_KiB_is_413()
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), Form(("big", new string('x', 70_000))));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Other_content_types_are_415()
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), new StringContent("<a/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("soon")]
    public async Task Wait_outside_1_to_30_is_400(string wait)
    {
        var (customer, flowKey) = await LeadIntakeAsync();

        var response = await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait={wait}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("wait", (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Idempotent_replay_returns_the_first_answer_and_other_parameters_are_422()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.WithApiKey(customer.ApiKey);
        client.DefaultRequestHeaders.Add("Idempotency-Key", "order-42");

        var first = await (await client.PostAsync(customer.TriggerPath(flowKey), Form(("category", "VIP"), ("external_id", "c1")))).JsonAsync();
        var replay = await client.PostAsync(customer.TriggerPath(flowKey), Form(("category", "VIP"), ("external_id", "c1")));
        var different = await client.PostAsync(customer.TriggerPath(flowKey), Form(("category", "Regular"), ("external_id", "c1")));

        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        var second = await replay.JsonAsync();
        Assert.Equal((string)first["executionId"]!, (string)second["executionId"]!);
        Assert.True((bool)second["userCreated"]!);
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
        await different.ProblemAsync();
        var executions = await (await customer.Admin().GetAsync($"{customer.BotPath}/executions")).JsonAsync();
        Assert.Equal(1, (int)executions["totalCount"]!);
    }

    [Fact]
    public async Task Concurrent_triggers_commit_together_yet_a_raced_idempotency_key_and_a_user_changed_twice_stay_correct()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var first = await (await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), Form(("external_id", "crm-9"), ("name", "Nine")))).JsonAsync();

        var sameKey = Enumerable.Range(0, 15).Select(_ =>
        {
            var client = api.WithApiKey(customer.ApiKey);
            client.DefaultRequestHeaders.Add("Idempotency-Key", "race-1");
            return client.PostAsync(customer.TriggerPath(flowKey), Form(("external_id", "crm-race"), ("category", "VIP")));
        });
        var sameUser = Enumerable.Range(0, 10).Select(i => api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), Form(("external_id", "crm-9"), ($"seen_{i}", "yes"))));
        var others = Enumerable.Range(0, 15).Select(i => api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey), Form(("external_id", $"crm-other-{i}"))));
        var responses = await Task.WhenAll(sameKey.Concat(sameUser).Concat(others));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        Assert.Single(bodies.Take(15).Select(b => (string)b["executionId"]!).Distinct()); // one execution for the key
        Assert.All(bodies.Skip(15).Take(10), b => Assert.Equal((string)first["userId"]!, (string)b["userId"]!));
        var user = await (await customer.Admin().GetAsync($"{customer.BotPath}/users/{first["userId"]}")).JsonAsync();
        Assert.Equal("Nine", (string)user["name"]!);
        var executions = await (await customer.Admin().GetAsync($"{customer.BotPath}/executions?pageSize=1")).JsonAsync();
        Assert.Equal(1 + 1 + 10 + 15, (int)executions["totalCount"]!);
    }

    [Fact]
    public async Task Without_an_idempotency_key_every_request_is_a_new_execution()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        var client = api.WithApiKey(customer.ApiKey);

        var a = await (await client.PostAsync(customer.TriggerPath(flowKey), Form(("external_id", "c1")))).JsonAsync();
        var b = await (await client.PostAsync(customer.TriggerPath(flowKey), Form(("external_id", "c1")))).JsonAsync();

        Assert.NotEqual((string)a["executionId"]!, (string)b["executionId"]!);
        Assert.Equal((string)a["userId"]!, (string)b["userId"]!);
    }

    [Fact]
    public async Task Executions_record_the_version_they_ran()
    {
        var (customer, flowKey) = await LeadIntakeAsync();
        (await customer.Admin().PutAsJsonAsync($"{customer.BotPath}/flows/{flowKey}", Support.Flows.LeadIntake())).EnsureSuccessStatusCode();

        var execution = await (await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=10", null)).JsonAsync();

        Assert.Equal(2, (int)execution["flowVersion"]!);
    }

    [Fact]
    public async Task A_looping_flow_fails_after_1000_steps()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(JsonNode.Parse("""
            { "name": "Loop", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "a" },
              { "id": "a", "type": "set_attribute", "attribute": "x", "value": "1", "next": "b" },
              { "id": "b", "type": "set_attribute", "attribute": "x", "value": "2", "next": "a" } ] }
            """)!.AsObject());

        var execution = await (await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=30", null)).JsonAsync();

        Assert.Equal("failed", (string)execution["status"]!);
        Assert.Contains("loop guard", (string)execution["error"]!);
        Assert.Equal(1000, execution["steps"]!.AsArray().Count);
    }
}
