using System.Net.Sockets;
using System.Text.Encodings.Web;
using AlertsPanel.Application.Connections;
using AlertsPanel.Application.Engine.NodeTypes;
using FluentValidation;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AlertsPanel.Infrastructure.Outside;

public sealed record SendEmailSettings : ConnectionActionSettings
{
    public string? To { get; init; }

    /// <summary>Templates are sent as given (line breaks removed).</summary>
    public string? Subject { get; init; }

    /// <summary>Templates are HTML-escaped when <see cref="IsHtml"/>.</summary>
    public string? Body { get; init; }

    public bool IsHtml { get; init; }
}

/// <summary>
/// Sends an e-mail over the connection's SMTP server (MailKit). The Message-ID is the same for every
/// try of the step, <c>&lt;{executionId}.{nodeId}@alertspanel&gt;</c>, so a repeat is recognisable downstream.
/// </summary>
public sealed class SendEmailNode : ConnectionNodeType<SendEmailSettings>
{
    private static readonly InlineValidator<SendEmailSettings> Rules = CreateRules();

    public override string TypeName => "send_email";

    public override string ConnectionType => ConnectionTypes.Smtp;

    public override IValidator<SendEmailSettings> Validator => Rules;

    public static string MessageId(NodeContext context) => $"{context.ExecutionId}.{context.NodeId}@alertspanel";

    protected override async ValueTask<NodeResult> ExecuteAsync(SendEmailSettings settings, ConnectionSettings connection, NodeContext context, CancellationToken cancellationToken)
    {
        var to = context.Render(settings.To!).Trim();
        if (!MailboxAddress.TryParse(to, out var recipient) || !ConnectionTypes.IsAddress(recipient.Address))
        {
            return NodeResult.Error(settings.OnError, to.Length == 0 ? "the recipient is empty after templating" : $"'{to}' is not an e-mail address");
        }

        var message = new MimeMessage { MessageId = MessageId(context), Subject = context.Render(settings.Subject!).ReplaceLineEndings(" ") };
        message.From.Add(MailboxAddress.Parse(connection["from"]));
        message.To.Add(recipient);
        message.Body = new TextPart(settings.IsHtml ? "html" : "plain")
        {
            Text = settings.IsHtml ? context.Render(settings.Body!, HtmlEncoder.Default.Encode) : context.Render(settings.Body!),
        };

        using var smtp = new SmtpClient { Timeout = 30_000 };
        try
        {
            await smtp.ConnectAsync(connection["host"], int.Parse(connection["port"], System.Globalization.CultureInfo.InvariantCulture), Security(connection), cancellationToken);
            if (connection.Optional("username") is { Length: > 0 } username)
            {
                await smtp.AuthenticateAsync(username, connection.Optional("password") ?? string.Empty, cancellationToken);
            }
            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or SslHandshakeException
            or SocketException or IOException or ServiceNotConnectedException or TimeoutException)
        {
            return NodeResult.Error(settings.OnError, $"SMTP {connection["host"]}: {ex.Message}");
        }
        return NodeResult.Continue(settings.Next, $"sent \"{message.Subject}\" to {recipient.Address}, Message-ID <{message.MessageId}>");
    }

    private static SecureSocketOptions Security(ConnectionSettings connection) => connection.Optional("security") switch
    {
        "ssl" => SecureSocketOptions.SslOnConnect,
        "none" => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static InlineValidator<SendEmailSettings> CreateRules()
    {
        var rules = new InlineValidator<SendEmailSettings>();
        rules.RuleFor(s => s.To).NotEmpty().WithMessage("a recipient is required (an address or a template such as {{user.email}})");
        rules.RuleFor(s => s.Subject).NotNull().WithMessage("a subject is required");
        rules.RuleFor(s => s.Body).NotNull().WithMessage("a body is required");
        return rules;
    }
}
