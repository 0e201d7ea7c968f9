using System.Text.Json.Nodes;
using AlertsPanel.Api.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace AlertsPanel.Api.Tests;

/// <summary>
/// The customer's own example: "based on their category, create a record in Salesforce and send out
/// e-mails". Salesforce is a WireMock peer, e-mail a real SMTP server.
/// </summary>
public sealed class CustomerExampleTests(ApiFactory api) : IAsyncDisposable
{
    private const string TokenPath = "/services/oauth2/token";
    private const string LeadPath = "/services/data/v60.0/sobjects/Lead/";
    private readonly WireMockServer _salesforce = WireMockServer.Start();
    private readonly SmtpSink _smtp = SmtpSink.Start();

    private const string LeadFlow = """
        { "name": "Lead intake", "startNodeId": "start", "nodes": [
          { "id": "start", "type": "start", "next": "route" },
          { "id": "route", "type": "decision",
            "branches": [ { "condition": { "attribute": "category", "operator": "equals", "value": "VIP" }, "next": "sf" } ],
            "default": "regular_mail" },
          { "id": "sf", "type": "salesforce_create_record", "connection": "sf-prod", "object": "Lead",
            "fields": { "LastName": "{{user.user_name}}", "Company": "{{company}}", "Email": "{{user.email}}" },
            "saveIdAs": "salesforce_lead_id", "next": "vip_mail", "onError": "regular_mail" },
          { "id": "vip_mail", "type": "send_email", "connection": "mail", "to": "{{user.email}}",
            "subject": "Welcome to VIP, {{user.user_name}}", "body": "<p>Your account manager will call, {{user.user_name}}.</p>", "isHtml": true, "next": "done" },
          { "id": "regular_mail", "type": "send_email", "connection": "mail", "to": "{{user.email}}",
            "subject": "Thanks for your interest, {{user.user_name}}", "body": "We will be in touch.", "next": "done" },
          { "id": "done", "type": "end" } ] }
        """;

    public async ValueTask DisposeAsync()
    {
        _salesforce.Stop();
        await _smtp.DisposeAsync();
    }

    private async Task<(TestCustomer Customer, string FlowKey)> SetUpAsync()
    {
        var customer = await api.CreateCustomerAsync();
        await customer.CreateConnectionAsync("sf-prod", "salesforce", new
        {
            instanceUrl = _salesforce.Url,
            tokenUrl = _salesforce.Url + TokenPath,
            clientId = "acme-client",
            clientSecret = "acme-secret",
        });
        await customer.CreateConnectionAsync("mail", "smtp", _smtp.ConnectionSettings);
        return (customer, await customer.CreateFlowAsync(LeadFlow));
    }

    private void TokenAnswers(params string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var step = _salesforce.Given(Request.Create().WithPath(TokenPath).UsingPost()).InScenario("token");
            step = i == 0 ? step : step.WhenStateIs($"token {i}");
            step.WillSetStateTo($"token {i + 1}")
                .RespondWith(Response.Create().WithStatusCode(200).WithBodyAsJson(new { access_token = tokens[i], instance_url = _salesforce.Url, token_type = "Bearer" }));
        }
    }

    private IEnumerable<WireMock.Logging.ILogEntry> Calls(string path) => _salesforce.LogEntries.Where(e => e.RequestMessage!.Path == path);

    [Fact]
    public async Task A_VIP_form_post_creates_a_Salesforce_lead_and_sends_the_VIP_welcome_email()
    {
        var (customer, flowKey) = await SetUpAsync();
        TokenAnswers("tok-1");
        _salesforce.Given(Request.Create().WithPath(LeadPath).UsingPost().WithHeader("Authorization", "Bearer tok-1"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "00Q5e000001abcD", success = true, errors = Array.Empty<object>() }));

        var execution = await customer.RunAsync(flowKey, ("category", "VIP"), ("name", "Ann Lee"), ("email", "ann@example.com"), ("company", "Lee & Co"));
        var again = await customer.RunAsync(flowKey, ("category", "VIP"), ("name", "Bo"), ("email", "bo@example.com"), ("company", "Bo AG"));

        Assert.Equal("completed", (string)execution["status"]!);
        Assert.Equal(["start", "route", "sf", "vip_mail", "done"], execution["path"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("00Q5e000001abcD", (string)execution["attributes"]!["salesforce_lead_id"]!);

        var token = Assert.Single(Calls(TokenPath)).RequestMessage!; // the second run reused the cached token
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=acme-client", token.Body, StringComparison.Ordinal);
        var lead = JsonNode.Parse(Calls(LeadPath).First().RequestMessage!.Body!)!;
        Assert.Equal("Ann Lee", (string)lead["LastName"]!);
        Assert.Equal("Lee & Co", (string)lead["Company"]!);
        Assert.Equal("ann@example.com", (string)lead["Email"]!);
        Assert.Equal("completed", (string)again["status"]!);

        var mail = _smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "ann@example.com");
        Assert.Equal("Welcome to VIP, Ann Lee", mail.Subject);
        Assert.Equal($"{execution["executionId"]}.vip_mail@alertspanel", mail.MessageId);
        Assert.Equal("noreply@acme.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Your account manager will call, Ann Lee.", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Regular_form_post_only_sends_the_other_email()
    {
        var (customer, flowKey) = await SetUpAsync();

        var execution = await customer.RunAsync(flowKey, ("category", "Regular"), ("name", "Cy"), ("email", "cy@example.com"));

        Assert.Equal(["start", "route", "regular_mail", "done"], execution["path"]!.AsArray().Select(p => (string)p!));
        Assert.Empty(_salesforce.LogEntries);
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal("Thanks for your interest, Cy", mail.Subject);
        Assert.Equal("We will be in touch.", mail.TextBody?.Trim());
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_the_record_is_created()
    {
        var (customer, flowKey) = await SetUpAsync();
        TokenAnswers("expired-token", "fresh-token");
        _salesforce.Given(Request.Create().WithPath(LeadPath).WithHeader("Authorization", "Bearer expired-token"))
            .RespondWith(Response.Create().WithStatusCode(401).WithBodyAsJson(new[] { new { message = "Session expired or invalid", errorCode = "INVALID_SESSION_ID" } }));
        _salesforce.Given(Request.Create().WithPath(LeadPath).WithHeader("Authorization", "Bearer fresh-token"))
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { id = "00Q-fresh", success = true }));

        var execution = await customer.RunAsync(flowKey, ("category", "VIP"), ("name", "Di"), ("email", "di@example.com"), ("company", "Di Ltd"));

        Assert.Equal("00Q-fresh", (string)execution["attributes"]!["salesforce_lead_id"]!);
        Assert.Equal(2, Calls(TokenPath).Count());
        Assert.Equal(2, Calls(LeadPath).Count());
    }

    [Fact]
    public async Task Salesforce_errors_are_kept_in_the_step_and_the_flow_takes_onError()
    {
        var (customer, flowKey) = await SetUpAsync();
        TokenAnswers("tok-1");
        _salesforce.Given(Request.Create().WithPath(LeadPath))
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""[{"message":"Required fields are missing: [Company]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Company"]}]"""));

        var execution = await customer.RunAsync(flowKey, ("category", "VIP"), ("name", "Ed"), ("email", "ed@example.com"));

        Assert.Equal(["start", "route", "sf", "regular_mail", "done"], execution["path"]!.AsArray().Select(p => (string)p!));
        var detail = (string)execution["steps"]![2]!["detail"]!;
        Assert.Contains("REQUIRED_FIELD_MISSING", detail, StringComparison.Ordinal);
        Assert.Contains("Required fields are missing: [Company]", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_recipient_after_templating_fails_the_step_with_a_clear_detail()
    {
        var (customer, flowKey) = await SetUpAsync();

        var execution = await customer.RunAsync(flowKey, ("category", "Regular"), ("name", "No Mail"));

        Assert.Equal("failed", (string)execution["status"]!);
        Assert.Equal("regular_mail: the recipient is empty after templating", (string)execution["error"]!);
        Assert.Empty(_smtp.Messages);
    }
}
