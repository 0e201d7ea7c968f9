using System.Text.Json.Serialization;
using AlertsPanel.Api.Authentication;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;

namespace AlertsPanel.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTriggerRateLimit(configuration);
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

    /// <summary>
    /// <c>AlertsPanel:Triggers:RateLimitPerSecond</c> triggers per second per customer (a token bucket,
    /// so short bursts up to one second's worth pass); <c>0</c> turns the limit off.
    /// </summary>
    private static void AddTriggerRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("AlertsPanel:Triggers:RateLimitPerSecond", 50);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Endpoints.Triggers.RateLimitPolicy, http => perSecond <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetTokenBucketLimiter(http.User.Customer() ?? string.Empty, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perSecond,
                    TokensPerPeriod = perSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            options.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too Many Requests",
                    $"More than {perSecond} triggers per second for this customer; retry after {retryAfter} s.");
            };
        });
    }
}
