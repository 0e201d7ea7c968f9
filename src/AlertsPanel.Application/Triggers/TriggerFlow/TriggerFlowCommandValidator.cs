using AlertsPanel.Application.Engine;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using FluentValidation;

namespace AlertsPanel.Application.Triggers.TriggerFlow;

/// <summary>The contract's limits on parameters; each error is keyed by the parameter's name as sent.</summary>
public sealed class TriggerFlowCommandValidator : AbstractValidator<TriggerFlowCommand>
{
    public const int MaxParameters = 100;
    public const int MaxValueLength = 4096;
    public const int MaxIdentifierLength = 255;

    public TriggerFlowCommandValidator()
    {
        RuleFor(c => c.Parameters).Custom((parameters, context) =>
        {
            if (parameters.Count > MaxParameters)
            {
                context.AddFailure("parameters", $"at most {MaxParameters} parameters are accepted; {parameters.Count} were sent");
            }
            foreach (var (name, value) in parameters)
            {
                if (!AttributeName.IsValid(name))
                {
                    context.AddFailure(name, $"a parameter name {AttributeName.Rule}");
                    continue;
                }
                if (value is { Length: > MaxValueLength })
                {
                    context.AddFailure(name, $"a value holds at most {MaxValueLength} characters");
                    continue;
                }
                var problem = ReservedAttributes.Canonical(name) switch
                {
                    ReservedAttributes.Phone when value is not null && UserIdentity.NormalizePhone(value) is null =>
                        "not a valid phone number: use the international form, like +919812345678",
                    ReservedAttributes.Email when value is not null && UserIdentity.NormalizeEmail(value) is null =>
                        "not a valid e-mail address",
                    ReservedAttributes.ExternalId when value is { Length: > MaxIdentifierLength } =>
                        $"an external id holds at most {MaxIdentifierLength} characters",
                    _ => null,
                };
                if (problem is not null)
                {
                    context.AddFailure(name, problem);
                }
            }
        });
        RuleFor(c => c.IdempotencyKey)
            .Length(1, IdempotencyRecord.MaxKeyLength).When(c => c.IdempotencyKey is not null)
            .OverridePropertyName("Idempotency-Key")
            .WithMessage($"an Idempotency-Key holds 1 to {IdempotencyRecord.MaxKeyLength} characters");
    }
}
