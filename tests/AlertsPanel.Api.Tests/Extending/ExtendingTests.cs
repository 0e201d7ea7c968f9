using System.Net;
using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;
using AlertsPanel.Application.Engine.NodeTypes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace AlertsPanel.Api.Tests.Extending;

/// <summary>The service with one node type added from outside src, as docs/extending-node-types.md does it.</summary>
public sealed class ExtendedApiFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddNodeType<AssignOwnerNode>());
    }
}

public sealed class ExtendingTests(ExtendedApiFactory api) : IClassFixture<ExtendedApiFactory>
{
    private const string Flow = """
        { "name": "Route leads", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "assign" },
          { "id": "assign", "type": "assign_owner", "owners": ["ana@acme.com", "bo@acme.com", "cy@acme.com"], "next": "done" },
          { "id": "done", "type": "end" } ] }
        """;

    [Fact]
    public async Task A_node_type_added_with_AddNodeType_runs_in_a_flow_and_its_settings_are_validated()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(Flow);

        var first = await customer.RunAsync(flowKey, ("external_id", "lead-1"));
        var again = await customer.RunAsync(flowKey, ("external_id", "lead-1"));
        var invalid = await customer.Admin().PostAsync($"{customer.BotPath}/flows",
            new StringContent(Flow.Replace("[\"ana@acme.com\", \"bo@acme.com\", \"cy@acme.com\"]", "[]", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal("completed", (string)first["status"]!);
        var owner = (string)first["attributes"]!["owner"]!;
        Assert.Contains(owner, new[] { "ana@acme.com", "bo@acme.com", "cy@acme.com" });
        Assert.Equal(owner, (string)again["attributes"]!["owner"]!); // the same user, the same rep
        Assert.Equal($"owner = {owner}", (string)first["steps"]![1]!["detail"]!);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("at least one owner is required", (string)(await invalid.ProblemAsync())["errors"]!["nodes[1].owners"]![0]!);
    }

    [Fact]
    public async Task The_guide_shows_exactly_the_node_type_this_test_runs()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AlertsPanel.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }
        var guide = await File.ReadAllTextAsync(Path.Combine(root, "docs", "extending-node-types.md"), TestContext.Current.CancellationToken);
        var source = await File.ReadAllTextAsync(Path.Combine(root, "tests", "AlertsPanel.Api.Tests", "Extending", "AssignOwnerNode.cs"), TestContext.Current.CancellationToken);

        var start = guide.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var block = guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(source.ReplaceLineEndings("\n"), block.ReplaceLineEndings("\n"));
        Assert.Contains(JsonNode.Parse(Flow)!["nodes"]![1]!.ToJsonString(), JsonNode.Parse(ExtractFlow(guide))!["nodes"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private static string ExtractFlow(string guide)
    {
        var start = guide.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return guide[start..guide.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
