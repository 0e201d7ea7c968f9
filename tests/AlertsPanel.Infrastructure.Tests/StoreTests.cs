using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Flows;
using AlertsPanel.Domain.Users;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Infrastructure.Tests;

/// <summary>The same repository-level checks, run against each provider's real engine.</summary>
public abstract class StoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    protected abstract Task<AppDbContext> NewContextAsync();

    [Fact]
    public async Task A_customer_with_bot_flow_user_and_execution_round_trips()
    {
        string cid, botKey, flowKey;
        Guid userId, executionId;
        await using (var db = await NewContextAsync())
        {
            var (customer, apiKey, _) = Customer.Create("Acme", Plan.Enterprise, Now);
            var bot = Bot.Create(customer.Cid, "Leads", BotChannel.Whatsapp, Now);
            var definition = new FlowDefinition("Intake", "start", [Node.From(System.Text.Json.Nodes.JsonNode.Parse("""{ "id": "start", "type": "start" }""")!.AsObject())]);
            var flow = Flow.Create(customer.Cid, bot.BotKey, definition, Now);
            var user = BotUser.Create(bot.BotKey, customer.Cid, Now);
            user.Apply(new Dictionary<string, string?> { ["user.phone"] = "+919812345678", ["Category"] = "VIP" }, BotChannel.Whatsapp, Now);
            var execution = Execution.Queue(customer.Cid, bot.BotKey, flow.FlowKey, 1, user.Id, user.Attributes, "start", Now);
            execution.Start(Now);
            execution.RecordStep(new ExecutionStep("start", "start", "next", null, Now, Now), "start", null);
            execution.Complete(Now.AddSeconds(1));
            db.AddRange(customer, bot, flow, user, execution);
            await db.SaveChangesAsync();
            (cid, botKey, flowKey, userId, executionId) = (customer.Cid, bot.BotKey, flow.FlowKey, user.Id, execution.Id);
            Assert.True(Secret.Matches(apiKey.Value, customer.ApiKeys[0].Hash));
        }

        await using (var db = await NewContextAsync())
        {
            var customer = await db.Customers.Include(c => c.ApiKeys).Include(c => c.AdminTokens).SingleAsync(c => c.Cid == cid);
            Assert.Single(customer.ApiKeys);
            Assert.Single(customer.AdminTokens);
            Assert.Single((await db.Flows.Include(f => f.Versions).SingleAsync(f => f.FlowKey == flowKey)).Versions);

            var user = await db.BotUsers.SingleAsync(u => u.BotKey == botKey && u.Phone == "+919812345678");
            Assert.Equal(userId, user.Id);
            Assert.Equal("VIP", user.Attributes["category"]); // names stay case-insensitive after a round trip
            Assert.Equal("+919812345678", user.Name);

            var execution = await db.Executions.SingleAsync(e => e.Id == executionId);
            Assert.Equal(ExecutionStatus.Completed, execution.Status);
            Assert.Equal(["start"], execution.Path);
            Assert.Equal("start", Assert.Single(execution.Steps).NodeId);
            Assert.Equal(Now.AddSeconds(1), execution.CompletedAt);
        }
    }

    [Fact]
    public async Task Times_order_correctly_in_queries()
    {
        var botKey = string.Empty;
        await using (var db = await NewContextAsync())
        {
            var (customer, _, _) = Customer.Create("Acme", Plan.Enterprise, Now);
            var bot = Bot.Create(customer.Cid, "Leads", BotChannel.Web, Now);
            db.AddRange(customer, bot);
            foreach (var minutes in new[] { 5, 1, 9 })
            {
                db.Add(BotUser.Create(bot.BotKey, customer.Cid, Now.AddMinutes(minutes)));
            }
            await db.SaveChangesAsync();
            botKey = bot.BotKey;
        }

        await using (var db = await NewContextAsync())
        {
            var newestFirst = await db.BotUsers.Where(u => u.BotKey == botKey && u.CreatedAt > Now.AddMinutes(2))
                .OrderByDescending(u => u.CreatedAt).Select(u => u.CreatedAt).ToListAsync();

            Assert.Equal([Now.AddMinutes(9), Now.AddMinutes(5)], newestFirst);
        }
    }
}

file static class Secret
{
    public static bool Matches(string value, byte[] hash) => Domain.Common.Secret.Matches(value, hash);
}
