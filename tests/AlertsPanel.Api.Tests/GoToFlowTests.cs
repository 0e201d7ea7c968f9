using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class GoToFlowTests(ApiFactory api)
{
    private static string Jump(string name, string target) => $$"""
        { "name": "{{name}}", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "jump" },
          { "id": "jump", "type": "go_to_flow", "flowKey": "{{target}}" } ] }
        """;

    [Fact]
    public async Task The_execution_continues_in_the_other_flow_with_the_same_user_and_attributes()
    {
        var customer = await api.CreateCustomerAsync();
        var onboarding = await customer.CreateFlowAsync("""
            { "name": "Onboarding", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "tier" },
              { "id": "tier", "type": "set_attribute", "attribute": "tier", "value": "{{category}}-onboarded", "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);
        var intake = await customer.CreateFlowAsync(Jump("Intake", onboarding));

        var execution = await customer.RunAsync(intake, ("category", "VIP"), ("external_id", "crm-7"));

        Assert.Equal("completed", (string)execution["status"]!);
        Assert.Equal(["start", "jump", $"{onboarding}:start", $"{onboarding}:tier", $"{onboarding}:done"], execution["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("VIP-onboarded", (string)execution["attributes"]!["tier"]!);
        var users = await (await customer.Admin().GetAsync($"{customer.BotPath}/users?search=crm-7")).JsonAsync();
        Assert.Equal("VIP-onboarded", (string)users["items"]![0]!["attributes"]!["tier"]!);
    }

    [Fact]
    public async Task Flows_that_jump_to_each_other_stop_at_the_loop_guard()
    {
        var customer = await api.CreateCustomerAsync();
        var first = await customer.CreateFlowAsync(Support.Flows.LeadIntake());
        var second = await customer.CreateFlowAsync(Jump("Second", first));
        (await customer.Admin().PutAsJsonAsync($"{customer.BotPath}/flows/{first}", JsonNode.Parse(Jump("First", second)))).EnsureSuccessStatusCode();

        var execution = await customer.RunAsync(first);

        Assert.Equal("failed", (string)execution["status"]!);
        Assert.Contains("loop guard", (string)execution["error"]!, StringComparison.Ordinal);
        Assert.Equal(1000, execution["steps"]!.AsArray().Count);
    }
}
