namespace AlertsPanel.Application.Common.Interfaces;

/// <summary>Whatever remembers verified API keys: told when a key or a customer's plan changes, so it forgets now.</summary>
public interface ICredentialCache
{
    void Forget(string apiKeyPrefix);

    void ForgetCustomer(string cid);
}
