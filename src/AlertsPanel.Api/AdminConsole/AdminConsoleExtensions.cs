namespace AlertsPanel.Api.AdminConsole;

/// <summary>
/// The admin console at <c>/console/</c>: static pages (wwwroot/console) with one script that calls the
/// management API. Served with a strict content security policy: only this origin's own script, styles
/// and API; no inline script, no framing.
/// </summary>
public static class AdminConsoleExtensions
{
    public const string Path = "/console";

    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static WebApplication UseAdminConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(Path, out var rest))
            {
                await next(context);
                return;
            }
            if (!rest.HasValue)
            {
                // The page's relative links (console.js, console.css) need the trailing slash.
                context.Response.Redirect($"{Path}/");
                return;
            }
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-cache";
            await next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
