using System.Text.Json.Nodes;
using MimeKit;

namespace AlertsPanel.Application.Connections;

/// <summary>How a setting's value is checked when a connection is saved.</summary>
public enum SettingKind
{
    Text,
    HttpUrl,
    Port,
    Mailbox,
    SmtpSecurity,
}

/// <summary>One setting of a connection type: whether it must be given, and whether it is a secret (encrypted, shown as "***").</summary>
public sealed record ConnectionSetting(string Name, SettingKind Kind, bool Required = true, bool Secret = false, string? Default = null);

/// <summary>
/// The connection types of node-types.md and their settings. A new outside system adds an entry here
/// and a node type that reads it through <see cref="ConnectionReader"/>.
/// </summary>
public static class ConnectionTypes
{
    public const string Salesforce = "salesforce";
    public const string WhatsappCloud = "whatsapp_cloud";
    public const string Smtp = "smtp";
    public const string Masked = "***";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ConnectionSetting>> Settings = new Dictionary<string, IReadOnlyList<ConnectionSetting>>
    {
        [Salesforce] =
        [
            new("instanceUrl", SettingKind.HttpUrl),
            new("tokenUrl", SettingKind.HttpUrl),
            new("clientId", SettingKind.Text),
            new("clientSecret", SettingKind.Text, Secret: true),
            new("apiVersion", SettingKind.Text, Required: false, Default: "v60.0"),
        ],
        [WhatsappCloud] =
        [
            new("baseUrl", SettingKind.HttpUrl),
            new("phoneNumberId", SettingKind.Text),
            new("accessToken", SettingKind.Text, Secret: true),
        ],
        [Smtp] =
        [
            new("host", SettingKind.Text),
            new("port", SettingKind.Port),
            new("security", SettingKind.SmtpSecurity, Required: false, Default: "starttls"),
            new("username", SettingKind.Text, Required: false),
            new("password", SettingKind.Text, Required: false, Secret: true),
            new("from", SettingKind.Mailbox),
        ],
    };

    public static IEnumerable<string> Names => Settings.Keys.Order(StringComparer.Ordinal);

    /// <summary>What is wrong with one setting's JSON value, or null. Port may be a number or a numeric string; the rest are strings.</summary>
    public static string? Problem(ConnectionSetting setting, JsonNode? value)
    {
        var text = TextOf(value);
        if (text is null)
        {
            return setting.Kind == SettingKind.Port ? "a port number from 1 to 65535 is required" : "a string value is required";
        }
        return setting.Kind switch
        {
            _ when text.Length > 2000 => "is longer than 2,000 characters",
            SettingKind.Text when string.IsNullOrWhiteSpace(text) => "must not be empty",
            SettingKind.HttpUrl when !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") =>
                "must be an absolute http or https URL",
            SettingKind.Port when !(int.TryParse(text, out var port) && port is >= 1 and <= 65535) => "a port number from 1 to 65535 is required",
            SettingKind.SmtpSecurity when text is not ("starttls" or "ssl" or "none") => "must be starttls, ssl or none",
            SettingKind.Mailbox when !(MailboxAddress.TryParse(text, out var mailbox) && IsAddress(mailbox.Address)) =>
                "must be an e-mail address, optionally with a name: Acme <noreply@acme.com>",
            _ => null,
        };
    }

    /// <summary>An address with one '@', something before it and a dotted domain after it.</summary>
    public static bool IsAddress(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == address.LastIndexOf('@') && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.') && !address.Any(char.IsWhiteSpace);
    }

    internal static string? TextOf(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<int>(out var i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
