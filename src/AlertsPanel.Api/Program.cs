using AlertsPanel.Api;
using AlertsPanel.Api.AdminConsole;
using AlertsPanel.Api.Authentication;
using AlertsPanel.Api.Endpoints;
using AlertsPanel.Application;
using AlertsPanel.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console());

builder.Services
    .AddApplicationServices(builder.Configuration)
    .AddInfrastructureServices(builder.Configuration, builder.Environment)
    .AddApiServices(builder.Configuration);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAdminConsole();
// The default request-log line names method, path (no query string), status and time: never a header or a body.
app.UseSerilogRequestLogging();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
}

// Liveness: the process answers, nothing else is checked (and the load test's no-work baseline).
app.MapGet("/health/live", () => TypedResults.Text("Healthy")).ExcludeFromDescription();
// Readiness: the database answers.
app.MapHealthChecks("/health", new HealthCheckOptions
{
    ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
});

var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.Management).WithTags("Management");
var customer = api.MapGroup("/customers/{cid}").AddEndpointFilter<CustomerScope>();
api.MapCustomers(customer);
customer.MapBots();
customer.MapFlows();
customer.MapConnections();
app.MapTriggers();

app.Run();

/// <summary>The entry point, visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
