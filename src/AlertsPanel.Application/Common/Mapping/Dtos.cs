using System.Text.Json.Nodes;

namespace AlertsPanel.Application.Common.Mapping;

// The shapes the API answers with. Field names are the contract's (api-contract.md section 3).

public sealed record CustomerDto(string Cid, string Name, string Plan, IReadOnlyList<string> Entitlements, DateTimeOffset CreatedAt);

public sealed record CreatedCustomerDto(string Cid, string Name, string Plan, IReadOnlyList<string> Entitlements, string ApiKey, string AdminToken);

public sealed record ApiKeyDto(Guid Id, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

public sealed record CreatedApiKeyDto(Guid Id, string ApiKey, string Prefix, DateTimeOffset CreatedAt);

public sealed record BotDto(string BotKey, string Name, string Channel);

public sealed record IntegrationsDto(string Cid, string TriggerUrlTemplate, IReadOnlyList<BotDto> Bots, IReadOnlyList<ApiKeyDto> ApiKeys);

public sealed record FlowDto(string FlowKey, string Name, int Version, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JsonObject Definition);

public sealed record FlowSummaryDto(string FlowKey, string Name, int Version, bool Enabled, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PathInfoDto(string FlowKey, string Name, int Version, string Method, string TriggerUrl, IReadOnlyList<string> Attributes, string CurlExample);

public sealed record BotUserDto(
    Guid UserId, string? Name, string? Phone, string? Email, string? ExternalId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Attributes);

public sealed record BotUserDetailDto(
    Guid UserId, string? Name, string? Phone, string? Email, string? ExternalId,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<ExecutionSummaryDto> RecentExecutions);

public sealed record ExecutionSummaryDto(
    Guid ExecutionId, string FlowKey, int FlowVersion, Guid UserId, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? Error);

public sealed record ExecutionStepDto(string NodeId, string Type, string Outcome, string? Detail, DateTimeOffset StartedAt, DateTimeOffset CompletedAt);

public sealed record ExecutionDto(
    Guid ExecutionId, string FlowKey, int FlowVersion, Guid UserId, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt,
    IReadOnlyList<string> Path, IReadOnlyList<ExecutionStepDto> Steps,
    IReadOnlyDictionary<string, string> Attributes, string? Error);
