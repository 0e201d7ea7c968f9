namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>Told when a key is revoked, so that whatever remembers valid keys forgets this one now.</summary>
public interface IApiKeyRevocations
{
    void Revoked(string prefix);
}
