using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;

namespace AlertsPanel.Api.Tests;

public sealed class FlowsApiTests(ApiFactory api)
{
    [Fact]
    public async Task Creating_then_updating_a_flow_makes_versions()
    {
        var customer = await api.CreateCustomerAsync();
        var admin = customer.Admin();

        var created = await admin.PostAsJsonAsync($"{customer.BotPath}/flows", Support.Flows.LeadIntake());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var flow = await created.JsonAsync();
        Assert.Equal(1, (int)flow["version"]!);
        Assert.True((bool)flow["enabled"]!);
        Assert.Equal("route", (string)flow["definition"]!["nodes"]![1]!["id"]!);

        var changed = Support.Flows.LeadIntake();
        changed["name"] = "Lead intake v2";
        var updated = await admin.PutAsJsonAsync($"{customer.BotPath}/flows/{flow["flowKey"]}", changed);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var second = await updated.JsonAsync();
        Assert.Equal(2, (int)second["version"]!);
        Assert.Equal("Lead intake v2", (string)second["name"]!);
        var fetched = await (await admin.GetAsync($"{customer.BotPath}/flows/{flow["flowKey"]}")).JsonAsync();
        Assert.Equal(2, (int)fetched["version"]!);
        var list = (await admin.GetFromJsonAsync<JsonArray>($"{customer.BotPath}/flows"))!;
        Assert.Equal("Lead intake v2", (string)Assert.Single(list)!["name"]!);
    }

    [Fact]
    public async Task Disable_and_enable_a_flow()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(Support.Flows.LeadIntake());

        var disabled = await customer.Admin().PostAsync($"{customer.BotPath}/flows/{flowKey}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((bool)(await disabled.JsonAsync())["enabled"]!);

        var enabled = await customer.Admin().PostAsync($"{customer.BotPath}/flows/{flowKey}/enable", null);
        Assert.True((bool)(await enabled.JsonAsync())["enabled"]!);
    }

    [Fact]
    public async Task Path_info_gives_the_flow_key_trigger_url_attributes_and_curl()
    {
        var customer = await api.CreateCustomerAsync();
        var flowKey = await customer.CreateFlowAsync(Support.Flows.LeadIntake());

        var info = await (await customer.Admin().GetAsync($"{customer.BotPath}/flows/{flowKey}/path-info")).JsonAsync();

        Assert.Equal(flowKey, (string)info["flowKey"]!);
        Assert.Equal("POST", (string)info["method"]!);
        var url = $"https://api.example.test/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{flowKey}";
        Assert.Equal(url, (string)info["triggerUrl"]!);
        Assert.Equal(["category"], info["attributes"]!.AsArray().Select(a => (string)a!));
        var curl = (string)info["curlExample"]!;
        Assert.Contains(url, curl);
        Assert.Contains("category=", curl);
        Assert.DoesNotContain(customer.ApiKey, curl);
    }

    public static TheoryData<string, string, string> InvalidDefinitions => new()
    {
        // each rule of the graph, and the path its error is reported under
        { "duplicate id", """{ "id": "start", "type": "end" }""", "nodes[5].id" },
        { "next names no node", """{ "id": "x", "type": "set_attribute", "attribute": "a", "value": "b", "next": "nowhere" }""", "nodes[5].next" },
        { "unreachable node", """{ "id": "island", "type": "end" }""", "nodes[5]" },
        { "unknown setting", """{ "id": "x", "type": "end", "colour": "red" }""", "nodes[5].colour" },
        { "bad template", """{ "id": "x", "type": "set_attribute", "attribute": "a", "value": "{{ not valid! }}" }""", "nodes[5].value" },
        { "missing attribute", """{ "id": "x", "type": "set_attribute", "value": "b" }""", "nodes[5].attribute" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task Invalid_node_is_400_with_its_path(string rule, string extraNode, string path)
    {
        var customer = await api.CreateCustomerAsync();
        var definition = Support.Flows.LeadIntake();
        definition["nodes"]!.AsArray().Add(JsonNode.Parse(extraNode));

        var response = await customer.Admin().PostAsJsonAsync($"{customer.BotPath}/flows", definition);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, rule);
        Assert.Contains(path, (await response.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Start_node_id_must_name_a_start_node()
    {
        var customer = await api.CreateCustomerAsync();
        var pointsAtDecision = Support.Flows.LeadIntake();
        pointsAtDecision["startNodeId"] = "route";
        var pointsAtNothing = Support.Flows.LeadIntake();
        pointsAtNothing["startNodeId"] = "missing";

        foreach (var definition in new[] { pointsAtDecision, pointsAtNothing })
        {
            var response = await customer.Admin().PostAsJsonAsync($"{customer.BotPath}/flows", definition);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("startNodeId", (await response.ProblemAsync()).ErrorKeys());
        }
    }

    [Fact]
    public async Task Branch_and_default_must_name_existing_nodes_and_operators_must_exist()
    {
        var customer = await api.CreateCustomerAsync();
        var definition = Support.Flows.LeadIntake();
        var route = definition["nodes"]![1]!;
        route["branches"]![0]!["next"] = "ghost";
        route["branches"]![0]!["condition"]!["operator"] = "is";
        route["default"] = "phantom";

        var response = await customer.Admin().PostAsJsonAsync($"{customer.BotPath}/flows", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("nodes[1].branches[0].next", problem.ErrorKeys());
        Assert.Contains("nodes[1].default", problem.ErrorKeys());
        Assert.Contains("nodes[1].branches[0].condition.operator", problem.ErrorKeys());
    }

    [Fact]
    public async Task Unknown_node_type_lists_the_known_types()
    {
        var customer = await api.CreateCustomerAsync();
        var definition = Support.Flows.LeadIntake();
        definition["nodes"]![2]!["type"] = "send_pigeon";

        var response = await customer.Admin().PostAsJsonAsync($"{customer.BotPath}/flows", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string)(await response.ProblemAsync())["errors"]!["nodes[2].type"]![0]!;
        Assert.Contains("send_pigeon", message);
        Assert.Contains("decision", message);
        Assert.Contains("set_attribute", message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a flow\"")]
    [InlineData("""{ "name": "x", "startNodeId": "s", "nodes": [] }""")]
    public async Task Definition_of_the_wrong_shape_is_400(string json)
    {
        var customer = await api.CreateCustomerAsync();

        var response = await customer.Admin().PostAsync($"{customer.BotPath}/flows", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Flow_of_an_unknown_bot_is_404()
    {
        var customer = await api.CreateCustomerAsync();

        var response = await customer.Admin().PostAsJsonAsync($"/api/v1/customers/{customer.Cid}/bots/nosuchbot/flows", Support.Flows.LeadIntake());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
