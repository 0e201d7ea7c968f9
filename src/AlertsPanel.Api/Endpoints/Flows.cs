using System.Text.Json.Nodes;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Flows.CreateFlow;
using AlertsPanel.Application.Flows.GetFlowPathInfo;
using AlertsPanel.Application.Flows.GetFlows;
using AlertsPanel.Application.Flows.SetFlowEnabled;
using AlertsPanel.Application.Flows.UpdateFlow;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlertsPanel.Api.Endpoints;

public static class Flows
{
    public static void MapFlows(this RouteGroupBuilder customer)
    {
        var flows = customer.MapGroup("/bots/{botKey}/flows");
        flows.MapPost("/", CreateFlow).WithSummary("Create a flow from its definition (version 1).");
        flows.MapGet("/", GetFlows).WithSummary("List a bot's flows.");
        flows.MapGet("/{flowKey}", GetFlow).WithSummary("Get a flow with the definition of its current version.");
        flows.MapPut("/{flowKey}", UpdateFlow).WithSummary("Save a new version of a flow.");
        flows.MapPost("/{flowKey}/enable", (string cid, string botKey, string flowKey, ISender sender, CancellationToken ct) =>
            SetEnabled(new SetFlowEnabledCommand(cid, botKey, flowKey, true), sender, ct)).WithSummary("Enable a flow.");
        flows.MapPost("/{flowKey}/disable", (string cid, string botKey, string flowKey, ISender sender, CancellationToken ct) =>
            SetEnabled(new SetFlowEnabledCommand(cid, botKey, flowKey, false), sender, ct)).WithSummary("Disable a flow: its triggers answer 409.");
        flows.MapGet("/{flowKey}/path-info", GetPathInfo)
            .WithSummary("The \"i\" (path info) view: flow key, trigger URL, attributes the flow reads, and a curl example.");
    }

    private static async Task<Created<FlowDto>> CreateFlow(string cid, string botKey, JsonNode? definition, ISender sender, CancellationToken ct)
    {
        var flow = await sender.Send(new CreateFlowCommand(cid, botKey, definition), ct);
        return TypedResults.Created($"/api/v1/customers/{cid}/bots/{botKey}/flows/{flow.FlowKey}", flow);
    }

    private static async Task<Ok<FlowDto>> UpdateFlow(string cid, string botKey, string flowKey, JsonNode? definition, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateFlowCommand(cid, botKey, flowKey, definition), ct));

    private static async Task<Ok<IReadOnlyList<FlowSummaryDto>>> GetFlows(string cid, string botKey, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFlowsQuery(cid, botKey), ct));

    private static async Task<Ok<FlowDto>> GetFlow(string cid, string botKey, string flowKey, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFlowQuery(cid, botKey, flowKey), ct));

    private static async Task<Ok<FlowDto>> SetEnabled(SetFlowEnabledCommand command, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(command, ct));

    private static async Task<Ok<PathInfoDto>> GetPathInfo(string cid, string botKey, string flowKey, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetFlowPathInfoQuery(cid, botKey, flowKey, BaseUrls.Of(http)), ct));
}
