using AlertsPanel.Application.Bots.CreateBot;
using AlertsPanel.Application.Bots.GetBots;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Models;
using AlertsPanel.Application.Executions.GetExecution;
using AlertsPanel.Application.Executions.GetExecutions;
using AlertsPanel.Application.Users.GetUser;
using AlertsPanel.Application.Users.GetUsers;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlertsPanel.Api.Endpoints;

/// <summary>Bots, and what a bot has gathered: its users and its executions.</summary>
public static class Bots
{
    public sealed record CreateBotRequest(string? Name, string? Channel);

    public static void MapBots(this RouteGroupBuilder customer)
    {
        customer.MapPost("/bots", CreateBot).WithSummary("Create a bot: a name and a channel (\"whatsapp\" or \"web\").");
        customer.MapGet("/bots", GetBots).WithSummary("List the customer's bots.");
        customer.MapGet("/bots/{botKey}", GetBot).WithSummary("Get one bot.");

        customer.MapGet("/bots/{botKey}/users", GetUsers).WithSummary("A bot's users, newest first; search by name, phone, e-mail or external id.");
        customer.MapGet("/bots/{botKey}/users/{userId:guid}", GetUser).WithSummary("One user with all attributes and recent executions.");
        customer.MapGet("/bots/{botKey}/executions", GetExecutions).WithSummary("A bot's executions, newest first, optionally by status.");
        customer.MapGet("/bots/{botKey}/executions/{executionId:guid}", GetExecution).WithSummary("One execution: path, steps and attributes.");
    }

    private static async Task<Created<BotDto>> CreateBot(string cid, CreateBotRequest? request, ISender sender, CancellationToken ct)
    {
        var bot = await sender.Send(new CreateBotCommand(cid, request?.Name, request?.Channel), ct);
        return TypedResults.Created($"/api/v1/customers/{cid}/bots/{bot.BotKey}", bot);
    }

    private static async Task<Ok<IReadOnlyList<BotDto>>> GetBots(string cid, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBotsQuery(cid), ct));

    private static async Task<Ok<BotDto>> GetBot(string cid, string botKey, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetBotQuery(cid, botKey), ct));

    private static async Task<Ok<PagedList<BotUserDto>>> GetUsers(
        string cid, string botKey, string? search, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUsersQuery(cid, botKey, search, page, pageSize), ct));

    private static async Task<Ok<BotUserDetailDto>> GetUser(string cid, string botKey, Guid userId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUserQuery(cid, botKey, userId), ct));

    private static async Task<Ok<PagedList<ExecutionSummaryDto>>> GetExecutions(
        string cid, string botKey, string? status, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetExecutionsQuery(cid, botKey, status, page, pageSize), ct));

    private static async Task<Ok<ExecutionDto>> GetExecution(string cid, string botKey, Guid executionId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetExecutionQuery(cid, botKey, executionId), ct));
}
