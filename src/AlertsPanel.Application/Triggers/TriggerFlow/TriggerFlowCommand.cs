using AlertsPanel.Application.Customers.GetIntegrations;
using Mediator;

namespace AlertsPanel.Application.Triggers.TriggerFlow;

/// <summary>
/// Runs a flow for one bot user, from an HTTP call. <paramref name="Parameters"/> are the request's
/// parameters as sent (query and body merged, body winning); each becomes a user attribute.
/// </summary>
public sealed record TriggerFlowCommand(
    string Cid,
    string BotKey,
    string FlowKey,
    IReadOnlyDictionary<string, string?> Parameters,
    string? IdempotencyKey) : ICommand<TriggerFlowResult>;

public sealed record TriggerFlowResult(Guid ExecutionId, Guid UserId, bool UserCreated, string Status, string StatusUrl)
{
    public static TriggerFlowResult For(string cid, string botKey, Guid executionId, Guid userId, bool userCreated, string status) =>
        new(executionId, userId, userCreated, status, TriggerUrls.StatusPath(cid, botKey, executionId));
}
