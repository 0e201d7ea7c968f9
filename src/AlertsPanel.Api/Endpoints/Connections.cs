using System.Text.Json.Nodes;
using AlertsPanel.Application.Connections;
using AlertsPanel.Application.Connections.DeleteConnection;
using AlertsPanel.Application.Connections.GetConnections;
using AlertsPanel.Application.Connections.SaveConnection;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlertsPanel.Api.Endpoints;

/// <summary>A customer's connections to outside systems (node-types.md). Secret settings are write-only: answers show "***".</summary>
public static class Connections
{
    public sealed record ConnectionRequest(string? Name, string? Type, JsonObject? Settings);

    public static void MapConnections(this RouteGroupBuilder customer)
    {
        customer.MapPost("/connections", Create).WithSummary("Create a connection (salesforce, whatsapp_cloud, smtp). Secrets are encrypted and never shown again.");
        customer.MapGet("/connections", List).WithSummary("The customer's connections, secrets shown as \"***\".");
        customer.MapGet("/connections/{name}", Get).WithSummary("One connection, secrets shown as \"***\".");
        customer.MapPut("/connections/{name}", Put)
            .WithSummary("Create or replace a connection under this name; a secret sent as \"***\" keeps the stored one.");
        customer.MapDelete("/connections/{name}", Delete).WithSummary("Remove a connection; 409 while a flow's current version uses it.");
    }

    private static async Task<Created<ConnectionDto>> Create(string cid, ConnectionRequest? request, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new SaveConnectionCommand(cid, request?.Name, request?.Type, request?.Settings, Replace: false), ct);
        return TypedResults.Created($"/api/v1/customers/{cid}/connections/{created.Name}", created);
    }

    private static async Task<Ok<IReadOnlyList<ConnectionDto>>> List(string cid, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetConnectionsQuery(cid), ct));

    private static async Task<Ok<ConnectionDto>> Get(string cid, string name, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetConnectionQuery(cid, name), ct));

    private static async Task<Ok<ConnectionDto>> Put(string cid, string name, ConnectionRequest? request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SaveConnectionCommand(cid, name, request?.Type, request?.Settings, Replace: true), ct));

    private static async Task<NoContent> Delete(string cid, string name, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteConnectionCommand(cid, name), ct);
        return TypedResults.NoContent();
    }
}
