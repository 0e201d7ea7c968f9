namespace AlertsPanel.Domain.Common;

/// <summary>A request broke a rule of the domain; the API answers it with a 400 naming the field.</summary>
public sealed class DomainRuleException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
