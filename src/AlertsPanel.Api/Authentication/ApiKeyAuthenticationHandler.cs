using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using AlertsPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AlertsPanel.Api.Authentication;

/// <summary>
/// <c>Authorization: Basic &lt;apiKey&gt;</c>, or the RFC 7617 form <c>Basic base64("cid:apiKey")</c> that
/// <c>curl -u</c> sends. Every failure (missing, malformed, revoked, another customer's) answers the
/// same 401, so nothing is learnt from trying.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, CredentialVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Far above any real key; longer headers are refused before any decoding work.</summary>
    public const int MaxHeaderLength = 1024;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadCredentials(Request.Headers.Authorization.ToString(), out var cid, out var apiKey))
        {
            return AuthenticateResult.Fail("Missing or malformed credentials.");
        }
        var identity = await verifier.VerifyApiKeyAsync(apiKey, Context.RequestAborted);
        if (identity is null || (cid is not null && cid != identity.CustomerCid))
        {
            return AuthenticateResult.Fail("Invalid credentials.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(Schemes.CustomerClaim, identity.CustomerCid),
                new Claim(Schemes.ApiTriggersClaim, identity.ApiTriggersEntitled ? "true" : "false"),
            ], Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    /// <summary>Reads either form; <paramref name="cid"/> is set only by the RFC 7617 form.</summary>
    public static bool TryReadCredentials(string header, out string? cid, out string apiKey)
    {
        cid = null;
        apiKey = string.Empty;
        const string prefix = "Basic ";
        if (header.Length > MaxHeaderLength || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var token = header[prefix.Length..].Trim();
        if (token.Length == 0)
        {
            return false;
        }
        if (token.StartsWith("apk_", StringComparison.Ordinal))
        {
            apiKey = token;
            return true;
        }
        var buffer = new byte[token.Length];
        if (!Convert.TryFromBase64String(token, buffer, out var written))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }
        cid = decoded[..colon];
        apiKey = decoded[(colon + 1)..];
        return true;
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"AlertsPanel\"";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "A valid API key is required: 'Authorization: Basic <apiKey>' or Basic base64('<cid>:<apiKey>').");
    }
}
