using Microsoft.Playwright;

namespace AlertsPanel.Console.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here).
/// Where Chromium is missing (and .ci/run could not install it) the browser tests skip, saying why.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser? Chromium { get; private set; }

    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("ALERTSPANEL_CHROMIUM") ?? ChromiumPath;
        if (!File.Exists(path))
        {
            Unavailable = $"Chromium was not found at {path}: install it with 'apt-get install -y chromium' (.ci/run does) to run the console's browser tests.";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser tab (its own session storage) that may use the clipboard.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width = 1280, int height = 900)
    {
        Assert.SkipWhen(Chromium is null, Unavailable ?? "no browser");
        var context = await Chromium!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
