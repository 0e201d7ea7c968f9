using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Customers.ChangePlan;
using AlertsPanel.Application.Customers.CreateApiKey;
using AlertsPanel.Application.Customers.CreateCustomer;
using AlertsPanel.Application.Customers.GetCustomer;
using AlertsPanel.Application.Customers.GetIntegrations;
using AlertsPanel.Application.Customers.RevokeApiKey;
using AlertsPanel.Api.Authentication;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlertsPanel.Api.Endpoints;

public static class Customers
{
    public sealed record CreateCustomerRequest(string? Name, string? Plan);

    public sealed record ChangePlanRequest(string? Plan);

    public static void MapCustomers(this RouteGroupBuilder api, RouteGroupBuilder customer)
    {
        api.MapPost("/customers", CreateCustomer).RequireAuthorization(Policies.Operator)
            .WithSummary("Create a customer (operator). Its first API key and admin token are shown once, in this answer.");

        customer.MapGet("/", GetCustomer).WithSummary("Get a customer: plan and entitlements.");
        customer.MapPatch("/", ChangePlan).RequireAuthorization(Policies.Operator)
            .WithSummary("Change a customer's plan, and with it the entitlements (operator).");
        customer.MapGet("/integrations", GetIntegrations)
            .WithSummary("The Integrations tab: customer id, trigger URL template, bots and API keys.");
        customer.MapPost("/api-keys", CreateApiKey)
            .WithSummary("Create another API key, for rotation. The key is shown once, in this answer.");
        customer.MapDelete("/api-keys/{id:guid}", RevokeApiKey).WithSummary("Revoke an API key at once.");
    }

    private static async Task<Created<CreatedCustomerDto>> CreateCustomer(CreateCustomerRequest? request, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateCustomerCommand(request?.Name, request?.Plan), ct);
        return TypedResults.Created($"/api/v1/customers/{created.Cid}", created);
    }

    private static async Task<Ok<CustomerDto>> GetCustomer(string cid, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCustomerQuery(cid), ct));

    private static async Task<Ok<CustomerDto>> ChangePlan(string cid, ChangePlanRequest? request, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ChangePlanCommand(cid, request?.Plan), ct));

    private static async Task<Ok<IntegrationsDto>> GetIntegrations(string cid, HttpContext http, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIntegrationsQuery(cid, BaseUrls.Of(http)), ct));

    private static async Task<Created<CreatedApiKeyDto>> CreateApiKey(string cid, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new CreateApiKeyCommand(cid), ct);
        return TypedResults.Created($"/api/v1/customers/{cid}/integrations", created);
    }

    private static async Task<NoContent> RevokeApiKey(string cid, Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokeApiKeyCommand(cid, id), ct);
        return TypedResults.NoContent();
    }
}
