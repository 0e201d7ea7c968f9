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
public sealed class LogCaptureApiFactory : ApiFactory
{
    private readonly CapturingSink _sink = new();

    public ConcurrentQueue<string> Lines => _sink.Lines;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Triggers:RateLimitPerSecond"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        ["Serilog:MinimumLevel:Override:System.Net.Http"] = "Verbose",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_sink));
    }

    // A sink of its own, not the factory: Serilog disposes its sinks when a logger is disposed.
    private sealed class CapturingSink : ILogEventSink
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Emit(LogEvent logEvent) => Lines.Enqueue($"{logEvent.RenderMessage()} {string.Join(' ', logEvent.Properties.Values)} {logEvent.Exception}");
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
        foreach (var secret in new[] { clientSecret, "sf-access-token-do-not-log", customer.ApiKey, customer.AdminToken, ApiFactory.OperatorKey })
        {
            var leak = api.Lines.FirstOrDefault(line => line.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"'{secret}' was logged: {leak?[..Math.Min(leak.Length, 400)]}");
        }
    }
}
