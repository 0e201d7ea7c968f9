using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Infrastructure.BackgroundWork;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Api.Tests;

public sealed record CountSettings : NodeSettings;

/// <summary>A node with an outside effect that the test can count: how often each execution ran it.</summary>
public sealed class CountingNode : NodeType<CountSettings>
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public override string TypeName => "count";

    protected override ValueTask<NodeResult> ExecuteAsync(CountSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        Runs.AddOrUpdate(context.IdempotencyKey, 1, (_, n) => n + 1);
        return ValueTask.FromResult(NodeResult.Continue(settings.Next));
    }
}

/// <summary>The service with its worker off, so the test decides when executions run.</summary>
public sealed class ManualWorkerApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["AlertsPanel:Triggers:RateLimitPerSecond"] = "0",
        ["AlertsPanel:Worker:Enabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddNodeType<CountingNode>());
    }
}

public sealed class CrashRecoveryTests(ManualWorkerApiFactory api) : IClassFixture<ManualWorkerApiFactory>
{
    private static readonly JsonObject CountingFlow = JsonNode.Parse("""
        { "name": "Counting", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "c1" },
          { "id": "c1", "type": "count", "next": "c2" },
          { "id": "c2", "type": "count", "next": "done" },
          { "id": "done", "type": "end" } ] }
        """)!.AsObject();

    [Fact]
    public async Task An_abandoned_execution_resumes_after_its_last_committed_step_and_a_live_lease_is_left_alone()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync((JsonObject)CountingFlow.DeepClone());
        var client = api.WithApiKey(customer.ApiKey);
        var abandoned = Guid.Parse((string)(await (await client.PostAsync(customer.TriggerPath(flowKey), null)).JsonAsync())["executionId"]!);
        var leased = Guid.Parse((string)(await (await client.PostAsync(customer.TriggerPath(flowKey), null)).JsonAsync())["executionId"]!);

        // A worker ran start and c1, committed them, and died; another worker holds a live lease.
        using (var scope = api.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = DateTimeOffset.UtcNow;
            var dead = await db.Executions.SingleAsync(e => e.Id == abandoned);
            dead.Start(now);
            dead.RecordStep(new ExecutionStep("start", "start", "next", null, now, now), "start", "c1");
            dead.RecordStep(new ExecutionStep("c1", "count", "next", null, now, now), "c1", "c2");
            dead.ExtendLease("dead-worker", now.AddSeconds(-1));
            CountingNode.Runs[$"{abandoned}:c1"] = 1;
            var busy = await db.Executions.SingleAsync(e => e.Id == leased);
            busy.Start(now);
            busy.ExtendLease("busy-worker", now.AddMinutes(5));
            await db.SaveChangesAsync();
        }

        var ran = await api.Services.GetRequiredService<ExecutionProcessor>().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, ran);
        var resumed = await (await client.GetAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/executions/{abandoned}")).JsonAsync();
        Assert.Equal("completed", (string)resumed["status"]!);
        Assert.Equal(["start", "c1", "c2", "done"], resumed["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["start", "c1", "c2", "done"], resumed["steps"]!.AsArray().Select(s => (string)s!["nodeId"]!));
        Assert.Equal(1, CountingNode.Runs[$"{abandoned}:c1"]); // committed before the crash: not run again
        Assert.Equal(1, CountingNode.Runs[$"{abandoned}:c2"]);
        var untouched = await (await client.GetAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/executions/{leased}")).JsonAsync();
        Assert.Equal("running", (string)untouched["status"]!);
        Assert.False(CountingNode.Runs.ContainsKey($"{leased}:c1"));
    }

    [Fact]
    public async Task Queued_executions_wait_for_a_worker_and_then_complete()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync((JsonObject)CountingFlow.DeepClone());

        var waited = await api.WithApiKey(customer.ApiKey).PostAsync($"{customer.TriggerPath(flowKey)}?wait=1", null);
        Assert.Equal(HttpStatusCode.Accepted, waited.StatusCode); // no worker ran it within the wait
        var id = (string)(await waited.JsonAsync())["executionId"]!;

        while (await api.Services.GetRequiredService<ExecutionProcessor>().RunOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }

        Assert.Equal(1, CountingNode.Runs[$"{id}:c1"]);
        Assert.Equal(1, CountingNode.Runs[$"{id}:c2"]);
    }
}
