using System.Collections.Concurrent;
using AlertsPanel.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AlertsPanel.Api.Tests;

/// <summary>The service logging everything (Verbose, every category) into a list the test can read.</summary>
public sealed class LogCaptureApiFactory : ApiFactory, ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Triggers:RateLimitPerSecond"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Verbose",
    };

    public void Emit(LogEvent logEvent) => Lines.Enqueue($"{logEvent.RenderMessage()} {string.Join(' ', logEvent.Properties.Values)} {logEvent.Exception}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(this));
    }
}

public sealed class SecretsInLogsTests(LogCaptureApiFactory api) : IClassFixture<LogCaptureApiFactory>, IDisposable
{
    private readonly WireMockServer _salesforce = WireMockServer.Start();

    public void Dispose() => _salesforce.Stop();

    [Fact]
    public async Task No_secret_API_key_or_admin_token_reaches_the_log_even_at_the_most_verbose_level()
    {
        const string clientSecret = "sf-client-secret-do-not-log";
        _salesforce.Given(Request.Create().WithPath("/token")).RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = "sf-access-token-do-not-log" }));
        _salesforce.Given(Request.Create().WithPath("/services/data/v60.0/sobjects/Lead/")).RespondWith(Response.Create().WithStatusCode(500));
        var customer = await api.CreateCustomerAsync();
        await customer.CreateConnectionAsync("sf", "salesforce", new { instanceUrl = _salesforce.Url, tokenUrl = _salesforce.Url + "/token", clientId = "id", clientSecret });
        var flowKey = await customer.CreateFlowAsync("""
            { "name": "Lead", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "sf" },
              { "id": "sf", "type": "salesforce_create_record", "connection": "sf", "object": "Lead", "fields": { "LastName": "x" }, "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);

        var execution = await customer.RunAsync(flowKey, ("name", "Ann"));

        Assert.Equal("failed", (string)execution["status"]!); // the Salesforce 500s were retried, then failed the run
        Assert.NotEmpty(api.Lines);
        var log = string.Join('\n', api.Lines);
        Assert.DoesNotContain(clientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("sf-access-token-do-not-log", log, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.ApiKey, log, StringComparison.Ordinal);
        Assert.DoesNotContain(customer.AdminToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiFactory.OperatorKey, log, StringComparison.Ordinal);
    }
}
