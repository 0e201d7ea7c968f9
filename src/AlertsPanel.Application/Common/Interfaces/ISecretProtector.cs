namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>Encrypts secrets at rest with keys every instance of the service shares.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
