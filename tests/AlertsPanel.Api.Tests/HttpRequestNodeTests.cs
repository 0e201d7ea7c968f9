using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AlertsPanel.Api.Tests;

/// <summary>http_request against a real HTTP peer (WireMock.Net): templating, saveResponse, retries, Retry-After, timeouts, onError.</summary>
public sealed class HttpRequestNodeTests(ApiFactory api) : IDisposable
{
    private readonly WireMockServer _peer = WireMockServer.Start();

    public void Dispose() => _peer.Stop();

    private static string Flow(string settings, bool withFallback = true) => $$"""
        { "name": "Notify", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "notify" },
          { "id": "notify", "type": "http_request", {{settings}}, "next": "done"{{(withFallback ? ", \"onError\": \"fallback\"" : "")}} },
          {{(withFallback ? """{ "id": "fallback", "type": "set_attribute", "attribute": "notified", "value": "no", "next": "done" },""" : "")}}
          { "id": "done", "type": "end" } ] }
        """;

    private async Task<JsonObject> RunAsync(string settings, bool withFallback = true, params (string, string)[] form)
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(Flow(settings, withFallback));
        return await customer.RunAsync(flowKey, form);
    }

    private static IEnumerable<string> PathOf(JsonObject execution) => execution["path"]!.AsArray().Select(p => (string)p!);

    [Fact]
    public async Task A_2xx_continues_with_escaped_templates_the_idempotency_header_and_saved_response_values()
    {
        _peer.Given(Request.Create().WithPath("/lead").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("""{ "data": { "id": "crm-42", "tags": ["a"] } }"""));

        var execution = await RunAsync($$$"""
            "method": "POST", "url": "{{{_peer.Url}}}/lead?src={{source}}",
            "headers": { "X-Token": "{{token}}" },
            "body": "{\"name\": \"{{user.user_name}}\", \"tier\": \"{{tier}}\"}",
            "saveResponse": { "crm_id": "$.data.id", "http_status": "$status", "first_tag": "$.data.tags[0]" }
            """, true, ("source", "web form&x=1"), ("token", "t-1"), ("name", "Ann \"The\" Lee"), ("tier", "gold"));

        Assert.Equal("completed", (string)execution["status"]!);
        Assert.Equal(["start", "notify", "done"], PathOf(execution));
        Assert.Equal("crm-42", (string)execution["attributes"]!["crm_id"]!);
        Assert.Equal("201", (string)execution["attributes"]!["http_status"]!);
        Assert.Equal("a", (string)execution["attributes"]!["first_tag"]!);
        Assert.StartsWith($"POST {_peer.Url}/lead → 201", (string)execution["steps"]![1]!["detail"]!, StringComparison.Ordinal);

        var request = Assert.Single(_peer.LogEntries).RequestMessage!;
        Assert.Equal("web form&x=1", request.Query!["src"].ToString()); // URL-escaped on the way out, one parameter
        Assert.Equal("t-1", request.Headers!["X-Token"].ToString());
        Assert.Equal($"{execution["executionId"]}:notify", request.Headers!["Idempotency-Key"].ToString());
        var sent = JsonNode.Parse(request.Body!)!;
        Assert.Equal("Ann \"The\" Lee", (string)sent["name"]!); // JSON-escaped: the body stays valid JSON
        Assert.StartsWith("application/json", request.Headers["Content-Type"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_is_retried_and_a_later_success_continues()
    {
        _peer.Given(Request.Create().WithPath("/flaky")).InScenario("flaky").WillSetStateTo("failed once")
            .RespondWith(Response.Create().WithStatusCode(500));
        _peer.Given(Request.Create().WithPath("/flaky")).InScenario("flaky").WhenStateIs("failed once")
            .RespondWith(Response.Create().WithStatusCode(200));

        var execution = await RunAsync($$""" "method": "GET", "url": "{{_peer.Url}}/flaky" """);

        Assert.Equal(["start", "notify", "done"], PathOf(execution));
        Assert.Equal(2, _peer.LogEntries.Count);
        Assert.Single(_peer.LogEntries.Select(e => e.RequestMessage!.Headers!["Idempotency-Key"].ToString()).Distinct());
    }

    [Fact]
    public async Task Three_failed_tries_go_to_onError_and_without_onError_the_execution_fails()
    {
        _peer.Given(Request.Create().WithPath("/down")).RespondWith(Response.Create().WithStatusCode(503));

        var routed = await RunAsync($$""" "method": "POST", "url": "{{_peer.Url}}/down" """);
        var tries = _peer.LogEntries.Count;
        var failed = await RunAsync($$""" "method": "POST", "url": "{{_peer.Url}}/down" """, withFallback: false);

        Assert.Equal(3, tries);
        Assert.Equal("completed", (string)routed["status"]!);
        Assert.Equal(["start", "notify", "fallback", "done"], PathOf(routed));
        Assert.Equal("error", (string)routed["steps"]![1]!["outcome"]!);
        Assert.Equal("no", (string)routed["attributes"]!["notified"]!);
        Assert.Equal("failed", (string)failed["status"]!);
        Assert.Contains("→ 503", (string)failed["error"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        _peer.Given(Request.Create().WithPath("/missing")).RespondWith(Response.Create().WithStatusCode(404));

        var execution = await RunAsync($$""" "method": "GET", "url": "{{_peer.Url}}/missing" """);

        Assert.Equal(["start", "notify", "fallback", "done"], PathOf(execution));
        Assert.Single(_peer.LogEntries);
    }

    [Fact]
    public async Task A_429_waits_for_its_Retry_After_before_the_next_try()
    {
        _peer.Given(Request.Create().WithPath("/limited")).InScenario("limited").WillSetStateTo("limited once")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        _peer.Given(Request.Create().WithPath("/limited")).InScenario("limited").WhenStateIs("limited once")
            .RespondWith(Response.Create().WithStatusCode(200));

        var execution = await RunAsync($$""" "method": "POST", "url": "{{_peer.Url}}/limited" """);

        Assert.Equal(["start", "notify", "done"], PathOf(execution));
        var times = _peer.LogEntries.Select(e => e.RequestMessage!.DateTime).Order().ToList();
        Assert.Equal(2, times.Count);
        // The configured back-off here is 10 ms; the second try waited for the server's 1 s.
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_peer_slower_than_timeoutSeconds_times_out_each_try_and_goes_to_onError()
    {
        _peer.Given(Request.Create().WithPath("/slow")).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)));

        var execution = await RunAsync($$""" "method": "GET", "url": "{{_peer.Url}}/slow", "timeoutSeconds": 1 """);

        Assert.Equal(["start", "notify", "fallback", "done"], PathOf(execution));
        Assert.Contains("timed out", (string)execution["steps"]![1]!["detail"]!, StringComparison.Ordinal);
        // WireMock logs a request when its (delayed) answer is done, after the client gave up on it.
        for (var waited = 0; _peer.LogEntries.Count < 3 && waited < 100; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Equal(3, _peer.LogEntries.Count);
    }

    [Fact]
    public async Task A_body_that_trickles_in_slower_than_timeoutSeconds_times_out_too()
    {
        // WireMock cannot trickle a body, so this peer is a raw socket: headers at once, then a byte every 300 ms.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var tries = 0;
        using var stop = new CancellationTokenSource();
        var peer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref tries);
                var stream = socket.GetStream();
                _ = await stream.ReadAsync(new byte[4096], stop.Token); // the request line and headers; their content does not matter
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 20\r\nContent-Type: application/json\r\n\r\n"u8.ToArray(), stop.Token);
                try
                {
                    for (var i = 0; i < 20; i++)
                    {
                        await Task.Delay(300, stop.Token);
                        await stream.WriteAsync(" "u8.ToArray(), stop.Token);
                    }
                }
                catch (IOException)
                {
                    // The client gave up on this try.
                }
            }
        });
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var execution = await RunAsync($$""" "method": "GET", "url": "http://127.0.0.1:{{port}}/trickle", "timeoutSeconds": 1 """);
        await stop.CancelAsync();

        Assert.Equal(["start", "notify", "fallback", "done"], PathOf(execution));
        Assert.Contains("timed out", (string)execution["steps"]![1]!["detail"]!, StringComparison.Ordinal);
        Assert.Equal(3, tries);
    }

    [Fact]
    public async Task Settings_are_checked_on_save()
    {
        var customer = await api.CreateCustomerAsync();

        var response = await customer.Admin().PostAsync($"{customer.BotPath}/flows", new StringContent(Flow("""
            "method": "FETCH", "url": "ftp://example.com/{{x}}", "timeoutSeconds": 31, "saveResponse": { "id": "data.id" }
            """), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["nodes[1].method", "nodes[1].saveResponse[0]", "nodes[1].timeoutSeconds", "nodes[1].url"], (await response.ProblemAsync()).ErrorKeys().Order());
    }
}
