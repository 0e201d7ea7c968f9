using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertsPanel.Application.Connections;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Infrastructure.Outside;

public sealed record SalesforceCreateRecordSettings : ConnectionActionSettings
{
    /// <summary>The sObject: Lead, Contact, a custom My_Object__c.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The contract names the setting 'object'.")]
    public string? Object { get; init; }

    /// <summary>Field → template; values are sent as JSON strings.</summary>
    public Dictionary<string, string>? Fields { get; init; }

    /// <summary>The attribute that receives the new record's id.</summary>
    public string? SaveIdAs { get; init; }
}

/// <summary>
/// Creates a Salesforce record through the REST sobjects endpoint, with an OAuth 2.0 client-credentials
/// token cached per connection until it expires; a 401 refreshes the token once.
/// </summary>
public sealed class SalesforceCreateRecordNode(IHttpClientFactory clients, TimeProvider clock) : ConnectionNodeType<SalesforceCreateRecordSettings>
{
    private static readonly InlineValidator<SalesforceCreateRecordSettings> Rules = CreateRules();

    // Salesforce's client-credentials answer has no expires_in by default; its session lasts at least this long.
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<(Guid Connection, DateTimeOffset Version), (string Token, DateTimeOffset Expires)> _tokens = new();

    public override string TypeName => "salesforce_create_record";

    public override string ConnectionType => ConnectionTypes.Salesforce;

    public override IValidator<SalesforceCreateRecordSettings> Validator => Rules;

    protected override async ValueTask<NodeResult> ExecuteAsync(SalesforceCreateRecordSettings settings, ConnectionSettings connection, NodeContext context, CancellationToken cancellationToken)
    {
        var fields = new JsonObject();
        foreach (var (field, template) in settings.Fields!)
        {
            fields[field] = context.Render(template);
        }
        var url = $"{connection["instanceUrl"].TrimEnd('/')}/services/data/{connection["apiVersion"]}/sobjects/{Uri.EscapeDataString(settings.Object!)}/";
        var http = clients.CreateClient(OutsideHttp.ClientName);
        try
        {
            var response = await CreateAsync(http, connection, url, fields, refresh: false, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                response.Dispose();
                response = await CreateAsync(http, connection, url, fields, refresh: true, cancellationToken);
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    // Salesforce answers errors as [{ "message", "errorCode", "fields" }]: kept as they came.
                    return NodeResult.Error(settings.OnError, $"Salesforce refused the {settings.Object} ({(int)response.StatusCode}): {OutsideHttp.Excerpt(body)}");
                }
                var id = JsonNode.Parse(body)?["id"]?.GetValue<string>();
                if (id is null)
                {
                    return NodeResult.Error(settings.OnError, $"Salesforce answered {(int)response.StatusCode} without a record id");
                }
                if (settings.SaveIdAs is { } attribute)
                {
                    context.SetAttribute(attribute, id);
                }
                return NodeResult.Continue(settings.Next, $"created {settings.Object} {id}");
            }
        }
        catch (Exception ex) when (OutsideHttp.IsOutsideFailure(ex, cancellationToken))
        {
            return NodeResult.Error(settings.OnError, $"Salesforce: {OutsideHttp.Describe(ex)}");
        }
        catch (TokenException ex)
        {
            return NodeResult.Error(settings.OnError, ex.Message);
        }
    }

    private async Task<HttpResponseMessage> CreateAsync(HttpClient http, ConnectionSettings connection, string url, JsonObject fields, bool refresh, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(http, connection, refresh, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(fields) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.SetTryTimeout(TimeSpan.FromSeconds(30));
        return await http.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(HttpClient http, ConnectionSettings connection, bool refresh, CancellationToken cancellationToken)
    {
        // Keyed by the connection's version too: replacing its secret starts with a fresh token.
        var key = (connection.Id, connection.UpdatedAt);
        if (!refresh && _tokens.TryGetValue(key, out var cached) && cached.Expires > clock.GetUtcNow())
        {
            return cached.Token;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, connection["tokenUrl"])
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = connection["clientId"],
                ["client_secret"] = connection["clientSecret"],
            }),
        };
        request.SetTryTimeout(TimeSpan.FromSeconds(30));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The token endpoint's error (invalid_client…) says what to fix; it never echoes the secret.
            throw new TokenException($"Salesforce token request failed ({(int)response.StatusCode}): {OutsideHttp.Excerpt(body)}");
        }
        var json = JsonNode.Parse(body);
        var token = json?["access_token"]?.GetValue<string>() ?? throw new TokenException("Salesforce's token answer had no access_token");
        var lifetime = json["expires_in"] is JsonValue seconds && seconds.TryGetValue<int>(out var s) ? TimeSpan.FromSeconds(s) : DefaultTokenLifetime;
        _tokens[key] = (token, clock.GetUtcNow() + lifetime - TimeSpan.FromSeconds(30));
        return token;
    }

    private sealed class TokenException(string message) : Exception(message);

    private static InlineValidator<SalesforceCreateRecordSettings> CreateRules()
    {
        var rules = new InlineValidator<SalesforceCreateRecordSettings>();
        rules.RuleFor(s => s.Object).Matches("^[A-Za-z][A-Za-z0-9_]{0,79}$").NotNull().WithMessage("the sObject name is required (Lead, Contact, My_Object__c)");
        rules.RuleFor(s => s.Fields).NotEmpty().WithMessage("at least one field is required");
        rules.RuleForEach(s => s.Fields).Must(f => System.Text.RegularExpressions.Regex.IsMatch(f.Key, "^[A-Za-z][A-Za-z0-9_]{0,79}$"))
            .WithMessage("a field name is a Salesforce API name (letters, digits, '_')");
        rules.RuleFor(s => s.SaveIdAs).Must(a => a is null || AttributeName.IsValid(a)).WithMessage($"saveIdAs is an attribute name that {AttributeName.Rule}");
        return rules;
    }
}
