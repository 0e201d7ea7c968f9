using System.Net;
using System.Net.Http.Json;
using AlertsPanel.Api.Tests.Support;
using AlertsPanel.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlertsPanel.Api.Tests;

public sealed class ConnectionsApiTests(ApiFactory api)
{
    private static object Salesforce(string secret = "s3cr3t-value") => new
    {
        name = "sf-prod",
        type = "salesforce",
        settings = new { instanceUrl = "https://acme.my.salesforce.com", tokenUrl = "https://login.salesforce.com/services/oauth2/token", clientId = "client-1", clientSecret = secret },
    };

    [Fact]
    public async Task A_created_connection_shows_its_secrets_as_stars_and_stores_them_only_encrypted()
    {
        var customer = await api.CreateCustomerAsync();

        var created = await customer.Admin().PostAsJsonAsync($"/api/v1/customers/{customer.Cid}/connections", Salesforce());
        var listed = await (await customer.Admin().GetAsync($"/api/v1/customers/{customer.Cid}/connections")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/customers/{customer.Cid}/connections/sf-prod", created.Headers.Location?.ToString());
        var body = await created.JsonAsync();
        Assert.Equal("***", (string)body["settings"]!["clientSecret"]!);
        Assert.Equal("client-1", (string)body["settings"]!["clientId"]!);
        Assert.Equal("v60.0", (string)body["settings"]!["apiVersion"]!); // the default
        Assert.DoesNotContain("s3cr3t-value", listed, StringComparison.Ordinal);
        Assert.Contains("\"clientSecret\":\"***\"", listed, StringComparison.Ordinal);

        using var scope = api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Connections.SingleAsync(c => c.CustomerCid == customer.Cid, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("s3cr3t-value", stored.Settings + stored.ProtectedSecrets, StringComparison.Ordinal);
        Assert.True(await db.DataProtectionKeys.AnyAsync(TestContext.Current.CancellationToken)); // the key ring lives in the database
    }

    [Fact]
    public async Task Put_replaces_settings_and_stars_keep_the_stored_secret()
    {
        var customer = await api.CreateCustomerAsync();
        (await customer.Admin().PostAsJsonAsync($"/api/v1/customers/{customer.Cid}/connections", Salesforce())).EnsureSuccessStatusCode();

        var put = await customer.Admin().PutAsJsonAsync($"/api/v1/customers/{customer.Cid}/connections/sf-prod", new
        {
            type = "salesforce",
            settings = new { instanceUrl = "https://acme2.my.salesforce.com", tokenUrl = "https://login.salesforce.com/services/oauth2/token", clientId = "client-2", clientSecret = "***" },
        });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var scope = api.Services.CreateScope();
        var reader = scope.ServiceProvider.GetRequiredService<Application.Connections.ConnectionReader>();
        var settings = await reader.FindAsync(customer.Cid, "sf-prod", TestContext.Current.CancellationToken);
        Assert.Equal("s3cr3t-value", settings!["clientSecret"]);
        Assert.Equal("client-2", settings["clientId"]);
        Assert.Equal("https://acme2.my.salesforce.com", settings["instanceUrl"]);
    }

    [Fact]
    public async Task A_taken_name_is_409_and_bad_settings_are_400_per_setting()
    {
        var customer = await api.CreateCustomerAsync();
        var admin = customer.Admin();
        var path = $"/api/v1/customers/{customer.Cid}/connections";
        (await admin.PostAsJsonAsync(path, Salesforce())).EnsureSuccessStatusCode();

        var taken = await admin.PostAsJsonAsync(path, Salesforce());
        var bad = await admin.PostAsJsonAsync(path, new
        {
            name = "mail",
            type = "smtp",
            settings = new { host = "smtp.example.com", port = 70000, security = "tls", from = "not an address", colour = "blue" },
        });
        var unknownType = await admin.PostAsJsonAsync(path, new { name = "x", type = "ftp", settings = new { } });
        var badName = await admin.PostAsJsonAsync(path, new { name = "has space", type = "smtp", settings = new { } });

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["settings.colour", "settings.from", "settings.port", "settings.security"], (await bad.ProblemAsync()).ErrorKeys().Order());
        Assert.Equal(["type"], (await unknownType.ProblemAsync()).ErrorKeys());
        Assert.Contains("name", (await badName.ProblemAsync()).ErrorKeys());
    }

    [Fact]
    public async Task Delete_removes_an_unused_connection_and_refuses_one_a_flow_uses()
    {
        var customer = await api.CreateCustomerAsync();
        var admin = customer.Admin();
        await using var smtp = SmtpSink.Start();
        await customer.CreateConnectionAsync("mail", "smtp", smtp.ConnectionSettings);
        await customer.CreateConnectionAsync("spare", "smtp", smtp.ConnectionSettings);
        var flowKey = await customer.CreateFlowAsync("""
            { "name": "Mail", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "mail" },
              { "id": "mail", "type": "send_email", "connection": "mail", "to": "a@example.com", "subject": "Hi", "body": "Hi", "next": "done" },
              { "id": "done", "type": "end" } ] }
            """);

        var inUse = await admin.DeleteAsync($"/api/v1/customers/{customer.Cid}/connections/mail");
        var unused = await admin.DeleteAsync($"/api/v1/customers/{customer.Cid}/connections/spare");
        var gone = await admin.GetAsync($"/api/v1/customers/{customer.Cid}/connections/spare");

        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains(flowKey, (string)(await inUse.ProblemAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, unused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_customers_connections_are_not_found()
    {
        var owner = await api.CreateCustomerAsync();
        var other = await api.CreateCustomerAsync();
        (await owner.Admin().PostAsJsonAsync($"/api/v1/customers/{owner.Cid}/connections", Salesforce())).EnsureSuccessStatusCode();

        var acrossCustomers = await other.Admin().GetAsync($"/api/v1/customers/{owner.Cid}/connections/sf-prod");
        var ownList = await (await other.Admin().GetAsync($"/api/v1/customers/{other.Cid}/connections")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, acrossCustomers.StatusCode);
        Assert.Equal("[]", ownList);
    }

    [Fact]
    public async Task A_flow_naming_a_missing_or_mistyped_connection_or_a_WhatsApp_node_in_a_web_bot_is_refused_on_save()
    {
        var customer = await api.CreateCustomerAsync(channel: "web");
        await using var smtp = SmtpSink.Start();
        await customer.CreateConnectionAsync("mail", "smtp", smtp.ConnectionSettings);

        var response = await customer.Admin().PostAsJsonAsync($"{customer.BotPath}/flows", System.Text.Json.Nodes.JsonNode.Parse("""
            { "name": "Bad", "startNodeId": "start", "nodes": [
              { "id": "start", "type": "start", "next": "sf" },
              { "id": "sf", "type": "salesforce_create_record", "connection": "sf-missing", "object": "Lead", "fields": { "LastName": "x" }, "next": "wa" },
              { "id": "wa", "type": "send_whatsapp_template", "connection": "mail", "template": "welcome", "language": "en", "next": "jump" },
              { "id": "jump", "type": "go_to_flow", "flowKey": "nosuchflow" } ] }
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(["nodes[1].connection", "nodes[2].connection", "nodes[2].type", "nodes[3].flowKey"], problem.ErrorKeys().Order());
        Assert.Equal("the customer has no connection named 'sf-missing'", (string)problem["errors"]!["nodes[1].connection"]![0]!);
        Assert.Equal("'mail' is a smtp connection; this node needs a whatsapp_cloud one", (string)problem["errors"]!["nodes[2].connection"]![0]!);
        Assert.Contains("only for WhatsApp bots", (string)problem["errors"]!["nodes[2].type"]![0]!, StringComparison.Ordinal);
    }
}
