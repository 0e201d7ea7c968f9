using System.Text.Json.Serialization;
using AlertsPanel.Api.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace AlertsPanel.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApiServices(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(Schemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, ManagementAuthenticationHandler>(Schemes.Management, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Management, p => p.AddAuthenticationSchemes(Schemes.Management).RequireRole(Schemes.OperatorRole, Schemes.AdminRole))
            .AddPolicy(Policies.Operator, p => p.AddAuthenticationSchemes(Schemes.Management).RequireRole(Schemes.OperatorRole))
            .AddPolicy(Policies.Trigger, p => p.AddAuthenticationSchemes(Schemes.ApiKey).RequireClaim(Schemes.CustomerClaim));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
