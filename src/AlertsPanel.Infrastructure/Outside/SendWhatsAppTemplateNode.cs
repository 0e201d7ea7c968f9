using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertsPanel.Application.Connections;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Users;
using FluentValidation;

namespace AlertsPanel.Infrastructure.Outside;

public sealed record SendWhatsAppTemplateSettings : ConnectionActionSettings
{
    /// <summary>An approved message template's name.</summary>
    public string? Template { get; init; }

    public string? Language { get; init; }

    /// <summary>The body's parameters in order ({{1}}, {{2}} … in the template); each a template of ours.</summary>
    public List<string>? Parameters { get; init; }
}

/// <summary>Sends a WhatsApp template message to the user's phone through the WhatsApp Cloud API. WhatsApp bots only.</summary>
public sealed class SendWhatsAppTemplateNode(IHttpClientFactory clients) : ConnectionNodeType<SendWhatsAppTemplateSettings>
{
    private static readonly InlineValidator<SendWhatsAppTemplateSettings> Rules = CreateRules();

    public override string TypeName => "send_whatsapp_template";

    public override string ConnectionType => ConnectionTypes.WhatsappCloud;

    public override IValidator<SendWhatsAppTemplateSettings> Validator => Rules;

    protected override IEnumerable<string> AttributesRead(SendWhatsAppTemplateSettings settings) => [ReservedAttributes.Phone];

    protected override IEnumerable<(string Setting, string Message)> CheckSurroundings(SendWhatsAppTemplateSettings settings, FlowSurroundings surroundings) =>
        surroundings.Channel == BotChannel.Whatsapp
            ? base.CheckSurroundings(settings, surroundings)
            : base.CheckSurroundings(settings, surroundings).Append(("type", "send_whatsapp_template is only for WhatsApp bots; this bot's channel is web"));

    protected override async ValueTask<NodeResult> ExecuteAsync(SendWhatsAppTemplateSettings settings, ConnectionSettings connection, NodeContext context, CancellationToken cancellationToken)
    {
        if (context.Attributes.GetValueOrDefault(ReservedAttributes.Phone) is not { Length: > 1 } phone)
        {
            return NodeResult.Error(settings.OnError, "the user has no phone number");
        }
        var message = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = phone.TrimStart('+'),
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["name"] = settings.Template,
                ["language"] = new JsonObject { ["code"] = settings.Language },
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = "body",
                    ["parameters"] = new JsonArray((settings.Parameters ?? [])
                        .Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = context.Render(p) }).ToArray()),
                }),
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{connection["baseUrl"].TrimEnd('/')}/{Uri.EscapeDataString(connection["phoneNumberId"])}/messages")
        {
            Content = JsonContent.Create(message),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", connection["accessToken"]);
        request.SetTryTimeout(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await clients.CreateClient(OutsideHttp.ClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return NodeResult.Error(settings.OnError, $"WhatsApp refused template {settings.Template} ({(int)response.StatusCode}): {OutsideHttp.Excerpt(body)}");
            }
            var id = JsonNode.Parse(body)?["messages"]?[0]?["id"]?.GetValue<string>();
            return NodeResult.Continue(settings.Next, $"sent template {settings.Template} ({settings.Language}), message id {id}");
        }
        catch (Exception ex) when (OutsideHttp.IsOutsideFailure(ex, cancellationToken))
        {
            return NodeResult.Error(settings.OnError, $"WhatsApp: {OutsideHttp.Describe(ex)}");
        }
    }

    private static InlineValidator<SendWhatsAppTemplateSettings> CreateRules()
    {
        var rules = new InlineValidator<SendWhatsAppTemplateSettings>();
        rules.RuleFor(s => s.Template).NotEmpty().WithMessage("the template's name is required");
        rules.RuleFor(s => s.Language).NotEmpty().WithMessage("the template's language code is required (en, en_US)");
        rules.RuleFor(s => s.Parameters).Must(p => p is null || p.Count <= 20).WithMessage("at most 20 parameters");
        return rules;
    }
}
