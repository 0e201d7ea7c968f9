using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertsPanel.Application.Engine;
using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;

namespace AlertsPanel.Infrastructure.Outside;

public sealed record HttpRequestSettings : ActionSettings
{
    public string? Method { get; init; }

    /// <summary>Templates here are URL-escaped.</summary>
    public string? Url { get; init; }

    /// <summary>Templates here are sent as given (line breaks removed).</summary>
    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>Templates are JSON-escaped when the body is JSON (starts with <c>{</c> or <c>[</c>), else sent as given.</summary>
    public string? Body { get; init; }

    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>Attribute → <see cref="ResponsePath"/>.</summary>
    public Dictionary<string, string>? SaveResponse { get; init; }
}

/// <summary>Calls an HTTP endpoint; 2xx continues at <c>next</c>, anything else (after retries) at <c>onError</c>.</summary>
public sealed class HttpRequestNode(IHttpClientFactory clients) : ActionNodeType<HttpRequestSettings>
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
    private static readonly InlineValidator<HttpRequestSettings> Rules = CreateRules();

    public override string TypeName => "http_request";

    public override IValidator<HttpRequestSettings> Validator => Rules;

    protected override async ValueTask<NodeResult> ExecuteAsync(HttpRequestSettings settings, NodeContext context, CancellationToken cancellationToken)
    {
        var url = context.Render(settings.Url!, Uri.EscapeDataString);
        if (!IsHttpUrl(url, out var uri))
        {
            return NodeResult.Error(settings.OnError, $"'{Shown(url)}' is not an absolute http or https URL after templating");
        }
        var method = settings.Method!.ToUpperInvariant();
        var target = $"{method} {Shown(uri)}";
        using var request = new HttpRequestMessage(new HttpMethod(method), uri);
        request.SetTryTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        // The same key on every try and after a crash: the receiver can tell a repeat from a new request.
        request.Headers.TryAddWithoutValidation("Idempotency-Key", context.IdempotencyKey);
        if (settings.Body is { } body)
        {
            var json = body.TrimStart().StartsWith('{') || body.TrimStart().StartsWith('[');
            var rendered = context.Render(body, json ? JsonEscape : null);
            request.Content = new StringContent(rendered, Encoding.UTF8, json ? "application/json" : "text/plain");
        }
        foreach (var (name, template) in settings.Headers ?? [])
        {
            var value = context.Render(template).ReplaceLineEndings(" ");
            if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(OutsideHttp.ClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (OutsideHttp.IsOutsideFailure(ex, cancellationToken))
        {
            return NodeResult.Error(settings.OnError, $"{target}: {OutsideHttp.Describe(ex)}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var saved = await SaveResponseAsync(settings, context, response, cancellationToken);
            var detail = $"{target} → {status}{(saved.Count > 0 ? $"; saved {string.Join(", ", saved)}" : string.Empty)}";
            return response.IsSuccessStatusCode ? NodeResult.Continue(settings.Next, detail) : NodeResult.Error(settings.OnError, detail);
        }
    }

    private static async Task<List<string>> SaveResponseAsync(HttpRequestSettings settings, NodeContext context, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var saved = new List<string>();
        if (settings.SaveResponse is not { Count: > 0 } paths)
        {
            return saved;
        }
        JsonNode? body = null;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.IsSuccessStatusCode && bytes.Length is > 0 and <= OutsideHttp.MaxParsedBody)
        {
            try
            {
                body = JsonNode.Parse(bytes);
            }
            catch (JsonException)
            {
                // Not JSON: only $status can be saved.
            }
        }
        foreach (var (attribute, path) in paths)
        {
            var value = path == ResponsePath.Status ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : ResponsePath.Select(body, path);
            if (value is not null)
            {
                context.SetAttribute(attribute, value);
                saved.Add(attribute);
            }
        }
        return saved;
    }

    private static string JsonEscape(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    private static bool IsHttpUrl(string text, out Uri uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri!) && uri.Scheme is "http" or "https";

    // Steps show where a request went, never its query string (it may carry tokens).
    private static string Shown(Uri uri) => uri.GetLeftPart(UriPartial.Path);

    private static string Shown(string url) => url.Split('?')[0];

    private static InlineValidator<HttpRequestSettings> CreateRules()
    {
        var rules = new InlineValidator<HttpRequestSettings>();
        rules.RuleFor(s => s.Method).Must(m => m is not null && Methods.Contains(m.ToUpperInvariant()))
            .WithMessage($"the method must be one of {string.Join(", ", Methods)}");
        rules.RuleFor(s => s.Url).Must(u => u is not null && IsHttpUrl(Template.Render(u, new Dictionary<string, string>(), _ => "x"), out _))
            .WithMessage("an absolute http or https URL is required (templates may fill in its parts)");
        rules.RuleFor(s => s.TimeoutSeconds).InclusiveBetween(1, 30).WithMessage("timeoutSeconds is from 1 to 30");
        rules.RuleForEach(s => s.Headers).Must(h => h.Key.Length > 0 && h.Key.All(c => c > ' ' && c < 127 && c != ':'))
            .WithMessage("a header name is letters, digits and punctuation without ':'");
        rules.RuleForEach(s => s.SaveResponse).Must(p => AttributeName.IsValid(p.Key) && ResponsePath.IsValid(p.Value))
            .WithMessage($"each entry maps an attribute name to $status or a path such as $.data.id (attribute names: {AttributeName.Rule})");
        return rules;
    }
}
