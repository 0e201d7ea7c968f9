using System.Net.Mail;
using PhoneNumbers;

namespace AlertsPanel.Application.Triggers.TriggerFlow;

/// <summary>The identifiers a user is found by, in their stored form.</summary>
public static class UserIdentity
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// E.164 (<c>+919812345678</c>), or null when not a valid number. Without a leading '+', the digits
    /// are read as starting with the country code, as WhatsApp writes numbers (<c>919812345678</c>).
    /// </summary>
    public static string? NormalizePhone(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length is 0 or > 32)
        {
            return null;
        }
        try
        {
            var number = Phones.Parse(trimmed.StartsWith('+') ? trimmed : "+" + trimmed, null);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The address alone, lower-cased, or null when it is not one address.</summary>
    public static string? NormalizeEmail(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= 254 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.')
            ? address.Address.ToLowerInvariant()
            : null;
    }
}
