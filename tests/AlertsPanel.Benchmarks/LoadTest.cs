using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AlertsPanel.Benchmarks;

/// <summary>
/// Starts the service, then drives it from many concurrent clients: first a baseline endpoint of the same
/// host that does no work (<c>GET /health/live</c>), then the trigger endpoint with a decision +
/// set_attribute flow. Both phases run in the same process against the same service, so their ratio
/// says what the trigger costs beyond HTTP itself on this machine.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(LoadTestOptions options)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"Load: {options.Clients} concurrent clients, {options.Duration.TotalSeconds:0} s per phase after {options.Warmup.TotalSeconds:0} s of warm-up");
        await using var service = await ServiceProcess.StartAsync(options.Port);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = service.BaseAddress,
        };
        var target = await TriggerTarget.CreateAsync(http);

        Func<long, HttpRequestMessage> baseline = _ => new HttpRequestMessage(HttpMethod.Get, "/health/live");
        await MeasureAsync(http, options with { Duration = options.Warmup }, baseline);
        await MeasureAsync(http, options with { Duration = options.Warmup }, target.Request);
        await target.WaitUntilDrainedAsync(TimeSpan.FromMinutes(5));

        var baselineResult = await MeasureAsync(http, options, baseline);
        var completedBefore = await target.CountAsync("completed");
        var triggerResult = await MeasureAsync(http, options, target.Request);
        var completedDuring = await target.CountAsync("completed") - completedBefore;
        var backlog = await target.BacklogAsync();
        var drain = Stopwatch.StartNew();
        await target.WaitUntilDrainedAsync(TimeSpan.FromMinutes(10));
        drain.Stop();
        var failed = await target.CountAsync("failed");

        Console.WriteLine();
        Console.WriteLine("| phase | requests | errors | requests/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(baselineResult.Row("baseline GET /health/live"));
        Console.WriteLine(triggerResult.Row("trigger POST …/flow/{flowKey} (form)"));
        Console.WriteLine();
        Console.WriteLine($"Trigger/baseline throughput ratio: {triggerResult.PerSecond / baselineResult.PerSecond:0.00}");
        Console.WriteLine($"Trigger/baseline p99 ratio: {triggerResult.Percentile(0.99) / baselineResult.Percentile(0.99):0.0}");
        Console.WriteLine($"Executions completed while triggers were arriving: {completedDuring} ({completedDuring / options.Duration.TotalSeconds:0}/s)");
        Console.WriteLine(backlog > 0
            ? $"Backlog when triggers stopped: {backlog}, drained by the worker alone in {drain.Elapsed.TotalSeconds:0.0} s ({backlog / drain.Elapsed.TotalSeconds:0}/s)"
            : "Backlog when triggers stopped: 0 (the worker kept up)");
        Console.WriteLine($"Failed executions: {failed}");
        return triggerResult.Errors == 0 && failed == 0 ? 0 : 1;
    }

    private static async Task<PhaseResult> MeasureAsync(HttpClient http, LoadTestOptions options, Func<long, HttpRequestMessage> request)
    {
        long sequence = 0;
        var errors = 0;
        var stop = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, options.Clients).Select(async _ =>
        {
            var latencies = new List<double>(capacity: 100_000);
            while (stop.Elapsed < options.Duration)
            {
                using var message = request(Interlocked.Increment(ref sequence));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message);
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            return latencies;
        }).ToList();
        var all = (await Task.WhenAll(clients)).SelectMany(l => l).Order().ToArray();
        return new PhaseResult(all, errors, stop.Elapsed);
    }

    private sealed record PhaseResult(double[] SortedLatencies, int Errors, TimeSpan Elapsed)
    {
        public double PerSecond => SortedLatencies.Length / Elapsed.TotalSeconds;

        public double Percentile(double p) => SortedLatencies.Length == 0 ? 0 : SortedLatencies[(int)Math.Min(SortedLatencies.Length - 1, Math.Ceiling(p * SortedLatencies.Length) - 1)];

        public string Row(string name) => $"| {name} | {SortedLatencies.Length} | {Errors} | {PerSecond:0} | {Percentile(0.5):0.0} | {Percentile(0.99):0.0} |";
    }

    /// <summary>An enterprise customer with a web bot and the contract's VIP flow, set up through the management API.</summary>
    private sealed class TriggerTarget(HttpClient http, string cid, string botKey, string flowKey, string apiKey, string adminToken)
    {
            public static async Task<TriggerTarget> CreateAsync(HttpClient http)
        {
            var customer = await SendAsync(http, "/api/v1/customers", ServiceProcess.OperatorKey, new JsonObject { ["name"] = "Load", ["plan"] = "enterprise" });
            var cid = (string)customer["cid"]!;
            var admin = (string)customer["adminToken"]!;
            var bot = await SendAsync(http, $"/api/v1/customers/{cid}/bots", admin, new JsonObject { ["name"] = "Leads", ["channel"] = "web" });
            var botKey = (string)bot["botKey"]!;
            var flow = await SendAsync(http, $"/api/v1/customers/{cid}/bots/{botKey}/flows", admin, JsonNode.Parse(BenchmarkFlows.LeadIntake)!.AsObject());
            return new TriggerTarget(http, cid, botKey, (string)flow["flowKey"]!, (string)customer["apiKey"]!, admin);
        }

        /// <summary>A form post like a web form's: a new lead each time, every second one a VIP.</summary>
        public HttpRequestMessage Request(long n)
        {
            var message = new HttpRequestMessage(HttpMethod.Post, $"/bot_api/v1.0/customer/{cid}/bot/{botKey}/flow/{flowKey}")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["external_id"] = $"lead-{n}",
                    ["name"] = $"Lead {n}",
                    ["email"] = $"lead{n}@example.com",
                    ["category"] = n % 2 == 0 ? "VIP" : "Regular",
                }),
            };
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", apiKey);
            return message;
        }

        public async Task<long> CountAsync(string status)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/customers/{cid}/bots/{botKey}/executions?status={status}&pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return (long)(await response.Content.ReadFromJsonAsync<JsonObject>())!["totalCount"]!;
        }

        public async Task<long> BacklogAsync() => await CountAsync("queued") + await CountAsync("running");

        public async Task WaitUntilDrainedAsync(TimeSpan limit)
        {
            var deadline = Stopwatch.StartNew();
            while (await BacklogAsync() > 0)
            {
                if (deadline.Elapsed > limit)
                {
                    throw new TimeoutException($"executions still queued after {limit}");
                }
                await Task.Delay(100);
            }
        }

        private static async Task<JsonObject> SendAsync(HttpClient http, string path, string bearer, JsonObject body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return response.IsSuccessStatusCode
                ? JsonNode.Parse(text)!.AsObject()
                : throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        }
    }
}
