using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlertsPanel.Console.Tests;

/// <summary>The whole service on a real Kestrel port (a browser needs one), on a SQLite file of its own.</summary>
public sealed class ConsoleApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "opk_console_tests_operator_key";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"alertspanel-console-{Guid.NewGuid():N}.db");

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AlertsPanel", $"Data Source={_databasePath}");
        builder.UseSetting("AlertsPanel:OperatorKey", OperatorKey);
        builder.UseSetting("AlertsPanel:Triggers:RateLimitPerSecond", "0");
    }

    public ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = CreateClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return client;
    }

    /// <summary>A customer with a web bot and the contract's VIP flow, as an admin would set it up.</summary>
    public async Task<Customer> CreateCustomerAsync()
    {
        var created = await Send(Client(OperatorKey).PostAsJsonAsync("/api/v1/customers", new { name = "Acme", plan = "enterprise" }));
        var (cid, admin) = ((string)created["cid"]!, (string)created["adminToken"]!);
        var bot = await Send(Client(admin).PostAsJsonAsync($"/api/v1/customers/{cid}/bots", new { name = "Leads", channel = "web" }));
        var botKey = (string)bot["botKey"]!;
        var flow = await Send(Client(admin).PostAsJsonAsync($"/api/v1/customers/{cid}/bots/{botKey}/flows", JsonNode.Parse("""
            { "name": "Lead intake", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "route" },
              { "id": "route", "type": "decision",
                "branches": [ { "condition": { "attribute": "category", "operator": "equals", "value": "VIP" }, "next": "vip" } ],
                "default": "done" },
              { "id": "vip", "type": "set_attribute", "attribute": "tier", "value": "gold", "next": "done" },
              { "id": "done", "type": "end" } ] }
            """)));
        return new Customer(cid, admin, (string)created["apiKey"]!, botKey, (string)flow["flowKey"]!);
    }

    private static async Task<JsonObject> Send(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}

public sealed record Customer(string Cid, string AdminToken, string ApiKey, string BotKey, string FlowKey);
