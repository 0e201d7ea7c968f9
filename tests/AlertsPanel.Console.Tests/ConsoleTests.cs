using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AlertsPanel.Console.Tests;

public sealed class ConsoleTests(ConsoleApp app, Browser browser) : IClassFixture<ConsoleApp>, IClassFixture<Browser>
{
    private async Task<IPage> SignInAsync(Customer customer, int width = 1280)
    {
        var page = await browser.NewPageAsync(app.BaseAddress, width);
        await page.GotoAsync("/console");
        await page.GetByLabel("Customer id").FillAsync(customer.Cid);
        await page.GetByLabel("Admin token or operator key").FillAsync(customer.AdminToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Integrations", Exact = true })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task Sign_in_shows_the_integrations_view_with_the_customer_id_bot_keys_and_API_keys()
    {
        var customer = await app.CreateCustomerAsync();

        var page = await SignInAsync(customer);

        await Expect(page.GetByText(customer.Cid, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(customer.BotKey, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("/bot_api/v1.0/customer/", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = customer.ApiKey.Split('_')[0] + "_" + customer.ApiKey.Split('_')[1], Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the customer id" }).ClickAsync();
        Assert.Equal(customer.Cid, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));
        if (Environment.GetEnvironmentVariable("ALERTSPANEL_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        }
    }

    [Fact]
    public async Task A_wrong_token_stays_on_sign_in_with_a_readable_error_and_nothing_is_stored()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await browser.NewPageAsync(app.BaseAddress);
        await page.GotoAsync("/console/");

        await page.GetByLabel("Customer id").FillAsync(customer.Cid);
        await page.GetByLabel("Admin token or operator key").FillAsync("adm_wrong_token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That token was not accepted. Check the customer id and the token.");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('alertspanel.session')"));
        Assert.DoesNotContain("adm_", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_API_key_is_shown_once_with_a_warning_and_can_be_revoked()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await SignInAsync(customer);

        await page.GetByRole(AriaRole.Button, new() { Name = "Create API key" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("It is shown only this once");
        var key = await dialog.Locator("code").TextContentAsync();
        Assert.StartsWith("apk_", key, StringComparison.Ordinal);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();

        var prefix = string.Join('_', key!.Split('_')[..2]);
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = prefix, Exact = true })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Integrations", Exact = true })).ToBeVisibleAsync();
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal); // never shown again

        page.Dialog += (_, confirm) => confirm.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke key {prefix}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Key {prefix} revoked.");
        var revoked = app.Client();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", key);
        var trigger = await revoked.PostAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{customer.FlowKey}", null);
        Assert.Equal(HttpStatusCode.Unauthorized, trigger.StatusCode);
    }

    [Fact]
    public async Task A_flows_path_info_shows_its_key_and_trigger_URL_and_copies_a_working_curl_command()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await SignInAsync(customer);

        await page.GetByRole(AriaRole.Link, new() { Name = "Bots & flows" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Path info for Lead intake" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(customer.FlowKey);
        await Expect(dialog).ToContainTextAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{customer.FlowKey}");
        await Expect(dialog).ToContainTextAsync("category");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy the curl command" }).ClickAsync();
        var curl = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.StartsWith("curl", curl, StringComparison.Ordinal);
        Assert.Contains(customer.FlowKey, curl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flow_can_be_disabled_and_enabled_again()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await SignInAsync(customer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bots & flows" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        await Expect(page.GetByText("disabled", new() { Exact = true })).ToBeVisibleAsync();
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", customer.ApiKey);
        var refused = await client.PostAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{customer.FlowKey}", null);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        await Expect(page.GetByText("enabled", new() { Exact = true })).ToBeVisibleAsync();

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    [Fact]
    public async Task A_user_is_found_after_a_trigger_with_attributes_and_the_execution_trail()
    {
        var customer = await app.CreateCustomerAsync();
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", customer.ApiKey);
        var trigger = await client.PostAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{customer.FlowKey}?wait=10",
            new FormUrlEncodedContent([new("name", "Grace Hopper"), new("external_id", "crm-1906"), new("category", "VIP")]));
        Assert.Equal(HttpStatusCode.OK, trigger.StatusCode);
        var page = await SignInAsync(customer);

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.GetByLabel("Search").FillAsync("crm-1906");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Grace Hopper" }).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("tier");
        await Expect(dialog).ToContainTextAsync("gold");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Expect(dialog).ToContainTextAsync("start → route → vip → done");
        await Expect(dialog).ToContainTextAsync("category equals \"VIP\" → true");
    }

    [Fact]
    public async Task Executions_filter_by_status_and_empty_results_say_so()
    {
        var customer = await app.CreateCustomerAsync();
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", customer.ApiKey);
        (await client.PostAsync($"/bot_api/v1.0/customer/{customer.Cid}/bot/{customer.BotKey}/flow/{customer.FlowKey}?wait=10", null)).EnsureSuccessStatusCode();
        var page = await SignInAsync(customer);

        await page.GetByRole(AriaRole.Link, new() { Name = "Executions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "completed", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Status").SelectOptionAsync("failed");

        await Expect(page.GetByText("No executions.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_phone_width_the_console_fits_and_every_section_is_reachable_by_keyboard()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await SignInAsync(customer, width: 390);

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        var reached = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));
        }
        Assert.Contains("Bots & flows", reached);
        Assert.Contains("Users", reached);
        Assert.Contains("Executions", reached);
        Assert.Contains("Create API key", reached);
    }

    [Fact]
    public async Task A_session_whose_token_stops_working_is_sent_back_to_sign_in()
    {
        var customer = await app.CreateCustomerAsync();
        var page = await SignInAsync(customer);

        await page.EvaluateAsync("() => { const s = JSON.parse(sessionStorage.getItem('alertspanel.session')); s.token = 'adm_no_longer_valid'; sessionStorage.setItem('alertspanel.session', JSON.stringify(s)); }");
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Your session ended or the token was not accepted. Sign in again.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
