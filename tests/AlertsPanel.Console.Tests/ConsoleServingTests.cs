using System.Net;

namespace AlertsPanel.Console.Tests;

/// <summary>How the console is served, over plain HTTP: no browser needed.</summary>
public sealed class ConsoleServingTests(ConsoleApp app) : IClassFixture<ConsoleApp>
{
    [Fact]
    public async Task The_console_is_served_with_a_strict_content_security_policy()
    {
        var page = await app.Client().GetAsync("/console/");
        var script = await app.Client().GetAsync("/console/console.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no inline script to allow
    }

    [Fact]
    public async Task Console_without_a_slash_redirects_to_the_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        var response = await client.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_cross_site_form_post_cannot_change_anything_because_the_console_sends_its_token_only_in_a_header()
    {
        var customer = await app.CreateCustomerAsync();
        var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{customer.Cid}/api-keys")
        {
            Content = new FormUrlEncodedContent([]),
        };
        forged.Headers.Add("Origin", "https://evil.example");
        forged.Headers.Add("Cookie", "session=whatever"); // a browser sends cookies cross-site; it never adds our Authorization header

        var response = await app.Client().SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
