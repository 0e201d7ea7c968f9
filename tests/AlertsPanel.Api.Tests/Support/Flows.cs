using System.Text.Json.Nodes;

namespace AlertsPanel.Api.Tests.Support;

public static class Flows
{
    /// <summary>The contract's example: VIP or not, then a tier.</summary>
    public static JsonObject LeadIntake() => JsonNode.Parse("""
        {
          "name": "Lead intake",
          "startNodeId": "start",
          "nodes": [
            { "id": "start", "type": "start", "next": "route" },
            { "id": "route", "type": "decision",
              "branches": [ { "condition": { "attribute": "category", "operator": "equals", "value": "VIP" }, "next": "vip" } ],
              "default": "regular" },
            { "id": "vip", "type": "set_attribute", "attribute": "tier", "value": "gold", "next": "done" },
            { "id": "regular", "type": "set_attribute", "attribute": "tier", "value": "standard {{category}}", "next": "done" },
            { "id": "done", "type": "end" }
          ]
        }
        """)!.AsObject();

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static IEnumerable<string> ErrorKeys(this JsonObject problem) =>
        problem["errors"]!.AsObject().Select(e => e.Key);
}
