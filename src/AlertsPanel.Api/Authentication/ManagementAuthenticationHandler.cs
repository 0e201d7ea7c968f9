using System.Security.Claims;
using System.Text.Encodings.Web;
using AlertsPanel.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AlertsPanel.Api.Authentication;

/// <summary><c>Authorization: Bearer &lt;token&gt;</c>: the operator key (everything) or a customer's admin token (that customer).</summary>
public sealed class ManagementAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OperatorKeyStore operatorKey, CredentialVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (header.Length > ApiKeyAuthenticationHandler.MaxHeaderLength || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("Missing or malformed credentials.");
        }
        var token = header[prefix.Length..].Trim();
        Claim[] claims;
        if (operatorKey.Matches(token))
        {
            claims = [new Claim(ClaimTypes.Role, Schemes.OperatorRole)];
        }
        else if (await verifier.VerifyAdminTokenAsync(token, Context.RequestAborted) is { } cid)
        {
            claims = [new Claim(ClaimTypes.Role, Schemes.AdminRole), new Claim(Schemes.CustomerClaim, cid)];
        }
        else
        {
            return AuthenticateResult.Fail("Invalid credentials.");
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"AlertsPanel\"";
        await Problems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            "The operator key or a customer admin token is required: 'Authorization: Bearer <token>'.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Problems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", "Only the operator may do this.");
}
