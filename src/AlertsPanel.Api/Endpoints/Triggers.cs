using AlertsPanel.Api.Authentication;
using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Executions.GetExecution;
using AlertsPanel.Application.Triggers.TriggerFlow;
using Mediator;

namespace AlertsPanel.Api.Endpoints;

/// <summary>The trigger API (forward integration): start a flow for a user, and follow its execution.</summary>
public static class Triggers
{
    public const string RateLimitPolicy = "triggers";
    private const int MaxWaitSeconds = 30;

    public static void MapTriggers(this IEndpointRouteBuilder app)
    {
        var customer = app.MapGroup("/bot_api/v1.0/customer/{cid}/bot/{botKey}")
            .RequireAuthorization(Policies.Trigger)
            .AddEndpointFilter(RequireOwnCustomerAndEntitlement)
            .WithTags("Triggers");
        customer.MapPost("/flow/{flowKey}", TriggerFlow).RequireRateLimiting(RateLimitPolicy)
            .WithSummary("Run a flow for one bot user: parameters become attributes. 202 with the execution's status URL; ?wait=N waits up to N s for the result.");
        customer.MapGet("/executions/{executionId:guid}", GetExecution)
            .WithSummary("An execution's status, path, steps and attributes.");
    }

    private static async ValueTask<object?> RequireOwnCustomerAndEntitlement(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // A key authenticates only its own customer; another customer's path is answered like a bad key.
        if (http.User.Customer() != http.GetRouteValue("cid") as string)
        {
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"AlertsPanel\"";
            return TypedResults.Problem(statusCode: 401, title: "Unauthorized", type: Problems.TypeFor(401),
                detail: "A valid API key is required: 'Authorization: Basic <apiKey>' or Basic base64('<cid>:<apiKey>').");
        }
        if (http.User.FindFirst(Schemes.ApiTriggersClaim)?.Value != "true")
        {
            return TypedResults.Problem(statusCode: 403, title: "Forbidden", type: Problems.TypeFor(403),
                detail: "Forward integrations (API triggers) are available on enterprise plans. Please contact support to enable them.");
        }
        return await next(context);
    }

    private static async Task<IResult> TriggerFlow(
        string cid, string botKey, string flowKey, HttpContext http, ISender sender, IExecutionNotifications notifications, CancellationToken ct)
    {
        var wait = ReadWait(http.Request);
        Dictionary<string, string?> parameters;
        try
        {
            parameters = await TriggerRequestReader.ReadAsync(http.Request, ct);
        }
        catch (TriggerRequestReader.RejectedException rejected)
        {
            return TypedResults.Problem(statusCode: rejected.Status, detail: rejected.Message, type: Problems.TypeFor(rejected.Status));
        }
        var idempotencyKey = http.Request.Headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null;

        var result = await sender.Send(new TriggerFlowCommand(cid, botKey, flowKey, parameters, idempotencyKey), ct);

        if (wait is { } seconds && await notifications.WaitForFinishAsync(result.ExecutionId, TimeSpan.FromSeconds(seconds), ct))
        {
            return TypedResults.Ok(await sender.Send(new GetExecutionQuery(cid, botKey, result.ExecutionId), ct));
        }
        return TypedResults.Accepted(result.StatusUrl, result);
    }

    private static int? ReadWait(HttpRequest request)
    {
        if (!request.Query.TryGetValue("wait", out var text))
        {
            return null;
        }
        return int.TryParse(text, out var seconds) && seconds is >= 1 and <= MaxWaitSeconds
            ? seconds
            : throw ValidationException.For("wait", $"'wait' is a whole number of seconds from 1 to {MaxWaitSeconds}");
    }

    private static async Task<IResult> GetExecution(string cid, string botKey, Guid executionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetExecutionQuery(cid, botKey, executionId), ct));
}
