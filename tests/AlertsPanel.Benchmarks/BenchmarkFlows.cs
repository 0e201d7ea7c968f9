namespace AlertsPanel.Benchmarks;

/// <summary>The flow both benchmarks run: the contract's example, a decision and a set_attribute on each branch.</summary>
public static class BenchmarkFlows
{
    public const string LeadIntake = """
        { "name": "Lead intake", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "route" },
          { "id": "route", "type": "decision",
            "branches": [ { "condition": { "attribute": "category", "operator": "equals", "value": "VIP" }, "next": "vip" } ],
            "default": "regular" },
          { "id": "vip", "type": "set_attribute", "attribute": "tier", "value": "gold", "next": "done" },
          { "id": "regular", "type": "set_attribute", "attribute": "tier", "value": "standard {{category}}", "next": "done" },
          { "id": "done", "type": "end" } ] }
        """;
}
