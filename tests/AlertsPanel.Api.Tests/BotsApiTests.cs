using System.Net;
using System.Net.Http.Json;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class BotsApiTests(ApiFactory api)
{
    [Fact]
    public async Task Admin_creates_lists_and_gets_bots()
    {
        var customer = await api.CreateCustomerAsync();
        var admin = customer.Admin();

        var created = await admin.PostAsJsonAsync($"/api/v1/customers/{customer.Cid}/bots", new { name = "Support", channel = "whatsapp" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bot = await created.JsonAsync();
        Assert.Equal("whatsapp", (string)bot["channel"]!);
        Assert.Equal(16, ((string)bot["botKey"]!).Length);
        var list = await (await admin.GetAsync($"/api/v1/customers/{customer.Cid}/bots")).Content.ReadFromJsonAsync<List<Dictionary<string, object>>>();
        Assert.Equal(2, list!.Count);
        var one = await (await admin.GetAsync($"/api/v1/customers/{customer.Cid}/bots/{bot["botKey"]}")).JsonAsync();
        Assert.Equal("Support", (string)one["name"]!);
    }

    [Theory]
    [InlineData("""{ "name": "Support", "channel": "telegram" }""", "channel")]
    [InlineData("""{ "channel": "web" }""", "name")]
    public async Task Invalid_bot_is_400(string json, string field)
    {
        var customer = await api.CreateCustomerAsync();

        var response = await customer.Admin().PostAsync($"/api/v1/customers/{customer.Cid}/bots",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Users_and_executions_of_a_new_bot_are_empty_pages()
    {
        var customer = await api.CreateCustomerAsync();

        var users = await (await customer.Admin().GetAsync($"{customer.BotPath}/users?search=ann&page=1&pageSize=10")).JsonAsync();
        var executions = await (await customer.Admin().GetAsync($"{customer.BotPath}/executions?status=completed")).JsonAsync();

        Assert.Empty(users["items"]!.AsArray());
        Assert.Equal(0, (int)users["totalCount"]!);
        Assert.Equal(10, (int)users["pageSize"]!);
        Assert.Empty(executions["items"]!.AsArray());
    }

    [Theory]
    [InlineData("users?page=0", "page")]
    [InlineData("users?pageSize=1000", "pageSize")]
    [InlineData("executions?status=done", "status")]
    public async Task Bad_listing_parameters_are_400(string query, string field)
    {
        var customer = await api.CreateCustomerAsync();

        var response = await customer.Admin().GetAsync($"{customer.BotPath}/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Unknown_user_or_execution_is_404()
    {
        var customer = await api.CreateCustomerAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await customer.Admin().GetAsync($"{customer.BotPath}/users/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.Admin().GetAsync($"{customer.BotPath}/executions/{Guid.NewGuid()}")).StatusCode);
    }
}
