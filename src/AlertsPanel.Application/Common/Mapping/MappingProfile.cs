using System.Text.Json.Nodes;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Flows;
using AlertsPanel.Domain.Users;
using AutoMapper;

namespace AlertsPanel.Application.Common.Mapping;

public sealed class MappingProfile : Profile
{
    public MappingProfile()
    {
        CreateMap<Customer, CustomerDto>()
            .ForCtorParam(nameof(CustomerDto.Plan), o => o.MapFrom(c => Wire.Name(c.Plan)));
        CreateMap<ApiKey, ApiKeyDto>();
        CreateMap<Bot, BotDto>()
            .ForCtorParam(nameof(BotDto.Channel), o => o.MapFrom(b => Wire.Name(b.Channel)));
        CreateMap<Flow, FlowSummaryDto>()
            .ForCtorParam(nameof(FlowSummaryDto.Version), o => o.MapFrom(f => f.CurrentVersion));
        CreateMap<BotUser, BotUserDto>()
            .ForCtorParam(nameof(BotUserDto.UserId), o => o.MapFrom(u => u.Id));
        CreateMap<Execution, ExecutionSummaryDto>()
            .ForCtorParam(nameof(ExecutionSummaryDto.ExecutionId), o => o.MapFrom(e => e.Id))
            .ForCtorParam(nameof(ExecutionSummaryDto.Status), o => o.MapFrom(e => Wire.Name(e.Status)));
        CreateMap<ExecutionStep, ExecutionStepDto>();
        CreateMap<Execution, ExecutionDto>()
            .ForCtorParam(nameof(ExecutionDto.ExecutionId), o => o.MapFrom(e => e.Id))
            .ForCtorParam(nameof(ExecutionDto.Status), o => o.MapFrom(e => Wire.Name(e.Status)));
    }

    /// <summary>A flow with the definition of its current version.</summary>
    public static FlowDto ToDto(Flow flow, FlowVersion version) => new(
        flow.FlowKey, flow.Name, version.Version, flow.Enabled, flow.CreatedAt, flow.UpdatedAt,
        JsonNode.Parse(version.Definition)!.AsObject());
}

/// <summary>How enum values are written on the wire: lower case, words joined by '_'.</summary>
public static class Wire
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Reads a value a validator has already accepted.</summary>
    public static TEnum Parse<TEnum>(string? text) where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value) ? value : throw new ArgumentException($"'{text}' is not one of {Names<TEnum>()}.", nameof(text));

    public static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"\"{Name(v)}\""));
}
