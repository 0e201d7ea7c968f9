using AlertsPanel.Application.Common.Behaviors;
using AlertsPanel.Application.Connections;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.BuiltIn;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Application.Flows;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services, IConfiguration configuration)
    {
        // Validation messages and paths name fields as clients write them (camelCase), not as C# declares them.
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, includeInternalTypes: true);
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], typeof(DependencyInjection));

        services.AddNodeType<StartNode>()
            .AddNodeType<EndNode>()
            .AddNodeType<DecisionNode>()
            .AddNodeType<SetAttributeNode>()
            .AddNodeType<GoToFlowNode>();
        services.AddScoped<FlowRunner>();
        services.AddScoped<ConnectionReader>();
        services.AddSingleton<FlowDefinitionRules>();
        services.AddSingleton<CompiledFlowCache>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
