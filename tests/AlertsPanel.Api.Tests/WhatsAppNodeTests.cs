using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AlertsPanel.Api.Tests;

public sealed class WhatsAppNodeTests(ApiFactory api) : IDisposable
{
    private readonly WireMockServer _graph = WireMockServer.Start();

    public void Dispose() => _graph.Stop();

    [Fact]
    public async Task A_template_message_goes_to_the_users_phone_in_the_Cloud_API_shape()
    {
        var customer = await api.CreateCustomerAsync(channel: "whatsapp");
        await customer.CreateConnectionAsync("wa", "whatsapp_cloud", new { baseUrl = _graph.Url + "/v20.0", phoneNumberId = "1055", accessToken = "wa-token" });
        _graph.Given(Request.Create().WithPath("/v20.0/1055/messages").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { messaging_product = "whatsapp", messages = new[] { new { id = "wamid.HBgM" } } }));
        var flowKey = await customer.CreateFlowAsync("""
            { "name": "Welcome", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "wa" },
              { "id": "wa", "type": "send_whatsapp_template", "connection": "wa", "template": "welcome_vip", "language": "en",
                "parameters": ["{{user.user_name}}", "{{tier}}"], "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);

        var execution = await customer.RunAsync(flowKey, ("phone", "+91 98123 45678"), ("tier", "gold"));

        Assert.Equal("completed", (string)execution["status"]!);
        Assert.Contains("wamid.HBgM", (string)execution["steps"]![1]!["detail"]!, StringComparison.Ordinal);
        var request = Assert.Single(_graph.LogEntries).RequestMessage!;
        Assert.Equal("Bearer wa-token", request.Headers!["Authorization"].ToString());
        var expected = JsonNode.Parse("""
            { "messaging_product": "whatsapp", "to": "919812345678", "type": "template",
              "template": { "name": "welcome_vip", "language": { "code": "en" },
                "components": [ { "type": "body", "parameters": [ { "type": "text", "text": "+919812345678" }, { "type": "text", "text": "gold" } ] } ] } }
            """);
        // A WhatsApp user without a name is named by their phone (contract section 1).
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body!)), request.Body);
    }
}
