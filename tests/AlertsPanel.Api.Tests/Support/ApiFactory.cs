using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AlertsPanel.Api.Tests.Support;

/// <summary>The whole service over HTTP, on a SQLite file of its own (a real engine, created and migrated at start).</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "opk_operator_key_for_tests";
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"alertspanel-tests-{Guid.NewGuid():N}.db");

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Triggers:RateLimitPerSecond"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AlertsPanel", $"Data Source={_databasePath}");
        builder.UseSetting("AlertsPanel:OperatorKey", OperatorKey);
        builder.UseSetting("AlertsPanel:PublicBaseUrl", "https://api.example.test");
        // Retries keep their shape (3 tries, exponential, jitter) but start at 10 ms instead of 1 s.
        builder.UseSetting("AlertsPanel:Outside:RetryDelay", "00:00:00.010");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public ValueTask InitializeAsync()
    {
        _ = Server; // starts the host: migrations run here, not inside the first test
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
        GC.SuppressFinalize(this);
    }

    public HttpClient Anonymous() => CreateClient();

    public HttpClient WithBearer(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Operator() => WithBearer(OperatorKey);

    public HttpClient WithApiKey(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", apiKey);
        return client;
    }

    /// <summary>A customer with one bot, made through the management API as an admin would.</summary>
    public async Task<TestCustomer> CreateCustomerAsync(string plan = "enterprise", string channel = "web")
    {
        var response = await Operator().PostAsJsonAsync("/api/v1/customers", new { name = "Acme", plan });
        response.EnsureSuccessStatusCode();
        var customer = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var cid = (string)customer["cid"]!;
        var admin = WithBearer((string)customer["adminToken"]!);
        var bot = await admin.PostAsJsonAsync($"/api/v1/customers/{cid}/bots", new { name = "Leads", channel });
        bot.EnsureSuccessStatusCode();
        var botKey = (string)(await bot.Content.ReadFromJsonAsync<JsonObject>())!["botKey"]!;
        return new TestCustomer(this, cid, (string)customer["apiKey"]!, (string)customer["adminToken"]!, botKey);
    }
}

public sealed record TestCustomer(ApiFactory Factory, string Cid, string ApiKey, string AdminToken, string BotKey)
{
    public HttpClient Admin() => Factory.WithBearer(AdminToken);

    public string BotPath => $"/api/v1/customers/{Cid}/bots/{BotKey}";

    public string TriggerPath(string flowKey) => $"/bot_api/v1.0/customer/{Cid}/bot/{BotKey}/flow/{flowKey}";

    /// <summary>Triggers the flow with a form post and waits for the finished execution.</summary>
    public async Task<JsonObject> RunAsync(string flowKey, params (string Name, string Value)[] fields)
    {
        var response = await Factory.WithApiKey(ApiKey).PostAsync($"{TriggerPath(flowKey)}?wait=30",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task CreateConnectionAsync(string name, string type, object settings)
    {
        var response = await Admin().PostAsJsonAsync($"/api/v1/customers/{Cid}/connections", new { name, type, settings });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> CreateFlowAsync(string json) => await CreateFlowAsync(JsonNode.Parse(json)!.AsObject());

    public async Task<string> CreateFlowAsync(JsonObject definition)
    {
        var response = await Admin().PostAsJsonAsync($"{BotPath}/flows", definition);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["flowKey"]!;
    }
}
