using AlertsPanel.Api.Tests.Support;
using AlertsPanel.Infrastructure.BackgroundWork;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AlertsPanel.Api.Tests;

/// <summary>
/// A worker killed after a step's outside effect happened but before the step was recorded: when the
/// lease runs out the execution resumes, and only that one step is sent again, with the same
/// idempotency key or Message-ID; steps committed before it are not.
/// </summary>
public sealed class SideEffectRecoveryTests(ManualWorkerApiFactory api) : IClassFixture<ManualWorkerApiFactory>, IAsyncDisposable
{
    private readonly WireMockServer _peer = WireMockServer.Start();
    private readonly SmtpSink _smtp = SmtpSink.Start();

    public async ValueTask DisposeAsync()
    {
        _peer.Stop();
        await _smtp.DisposeAsync();
    }

    private async Task<Guid> QueueAsync(string flow)
    {
        var customer = await api.CreateCustomerAsync();
        await customer.CreateConnectionAsync("mail", "smtp", _smtp.ConnectionSettings);
        var flowKey = await customer.CreateFlowAsync(flow);
        var accepted = await api.WithApiKey(customer.ApiKey).PostAsync(customer.TriggerPath(flowKey),
            new FormUrlEncodedContent([new("email", "ann@example.com"), new("name", "Ann")]));
        return Guid.Parse((string)(await accepted.JsonAsync())["executionId"]!);
    }

    /// <summary>Runs the worker until <paramref name="kill"/> fires: like a process dying, nothing after that point is written.</summary>
    private async Task RunUntilKilledAsync(CancellationTokenSource kill)
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Services.GetRequiredService<ExecutionProcessor>().RunOnceAsync(kill.Token));
    }

    private async Task<(string Status, string Path)> StateAsync(Guid executionId)
    {
        using var scope = api.Services.CreateScope();
        var execution = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Executions.AsNoTracking()
            .SingleAsync(e => e.Id == executionId, TestContext.Current.CancellationToken);
        return (execution.Status.ToString(), string.Join(" → ", execution.Path));
    }

    /// <summary>Time passes past the dead worker's lease.</summary>
    private async Task ExpireLeaseAsync(Guid executionId)
    {
        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var execution = await db.Executions.SingleAsync(e => e.Id == executionId, TestContext.Current.CancellationToken);
        execution.ExtendLease(execution.LeaseOwner!, DateTimeOffset.UtcNow.AddSeconds(-1));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private async Task ResumeAsync()
    {
        while (await api.Services.GetRequiredService<ExecutionProcessor>().RunOnceAsync(TestContext.Current.CancellationToken) > 0)
        {
        }
    }

    [Fact]
    public async Task An_email_sent_but_not_recorded_is_sent_once_more_with_the_same_Message_ID_and_earlier_steps_are_not_repeated()
    {
        _peer.Given(Request.Create().WithPath("/first")).RespondWith(Response.Create().WithStatusCode(200));
        var executionId = await QueueAsync($$$"""
            { "name": "Notify then mail", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "notify" },
              { "id": "notify", "type": "http_request", "method": "POST", "url": "{{{_peer.Url}}}/first", "next": "mail" },
              { "id": "mail", "type": "send_email", "connection": "mail", "to": "{{user.email}}", "subject": "Hi {{user.user_name}}", "body": "Hi", "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);
        using var kill = new CancellationTokenSource();
        _smtp.OnReceived = _ => kill.Cancel(); // the server has the message; the worker dies before recording it

        await RunUntilKilledAsync(kill);
        Assert.Equal(("Running", "start → notify"), await StateAsync(executionId));
        _smtp.OnReceived = null;
        await ExpireLeaseAsync(executionId);
        await ResumeAsync();

        Assert.Equal(("Completed", "start → notify → mail → done"), await StateAsync(executionId));
        Assert.Single(_peer.LogEntries); // committed before the crash: not sent again
        var sent = _smtp.Messages.ToList();
        Assert.Equal(2, sent.Count); // at-least-once: the step in flight is repeated…
        Assert.All(sent, m => Assert.Equal($"{executionId}.mail@alertspanel", m.MessageId)); // …recognisably
    }

    [Fact]
    public async Task A_request_in_flight_when_the_worker_died_is_repeated_with_the_same_Idempotency_Key()
    {
        _peer.Given(Request.Create().WithPath("/slow")).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)));
        var executionId = await QueueAsync($$"""
            { "name": "Slow call", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "call" },
              { "id": "call", "type": "http_request", "method": "POST", "url": "{{_peer.Url}}/slow", "timeoutSeconds": 10, "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);
        using var kill = new CancellationTokenSource(TimeSpan.FromSeconds(1.5)); // the peer has the request and is still answering

        await RunUntilKilledAsync(kill);
        await ExpireLeaseAsync(executionId);
        await ResumeAsync();

        Assert.Equal(("Completed", "start → call → done"), await StateAsync(executionId));
        for (var waited = 0; _peer.LogEntries.Count < 2 && waited < 100; waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken); // WireMock logs the abandoned request once its delay is over
        }
        var keys = _peer.LogEntries.Select(e => e.RequestMessage!.Headers!["Idempotency-Key"].ToString()).ToList();
        Assert.Equal([$"{executionId}:call", $"{executionId}:call"], keys);
    }
}
