using AlertsPanel.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace AlertsPanel.Infrastructure.Security;

/// <summary>Connection secrets through ASP.NET Core Data Protection, whose key ring lives in the database (shared by all instances).</summary>
internal sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("AlertsPanel.Connections.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
