using AlertsPanel.Api.Authentication;

namespace AlertsPanel.Api.Endpoints;

/// <summary>
/// An admin token reaches only its own customer: any other <c>{cid}</c> answers 404, exactly as a
/// customer that does not exist, so a token reveals nothing about other customers.
/// </summary>
public sealed class CustomerScope : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var cid = http.GetRouteValue("cid") as string;
        if (!http.User.IsOperator() && http.User.Customer() != cid)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not Found", detail: "The customer was not found.", type: Problems.TypeFor(404));
        }
        return await next(context);
    }
}

public static class BaseUrls
{
    /// <summary>Where integrators reach this service: <c>AlertsPanel:PublicBaseUrl</c>, else the request's own origin.</summary>
    public static string Of(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IConfiguration>()["AlertsPanel:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured) ? $"{http.Request.Scheme}://{http.Request.Host}" : configured.TrimEnd('/');
    }
}
