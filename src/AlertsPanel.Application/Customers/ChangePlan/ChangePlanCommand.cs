using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Domain.Customers;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AlertsPanel.Application.Customers.ChangePlan;

/// <summary>Changes a customer's plan, and with it the entitlements (enterprise brings <c>api_triggers</c>).</summary>
public sealed record ChangePlanCommand(string Cid, string? Plan) : ICommand<CustomerDto>;

public sealed class ChangePlanCommandValidator : AbstractValidator<ChangePlanCommand>
{
    public ChangePlanCommandValidator() =>
        RuleFor(c => c.Plan).Must(p => Wire.TryParse<Plan>(p, out _)).WithMessage($"'plan' must be one of {Wire.Names<Plan>()}");
}

public sealed class ChangePlanCommandHandler(IAppDbContext db, IMapper mapper, ICredentialCache credentials) : ICommandHandler<ChangePlanCommand, CustomerDto>
{
    public async ValueTask<CustomerDto> Handle(ChangePlanCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(command.Cid, cancellationToken);
        var plan = Wire.Parse<Plan>(command.Plan);
        customer.ChangePlan(plan);
        await db.SaveChangesAsync(cancellationToken);
        credentials.ForgetCustomer(customer.Cid);
        return mapper.Map<CustomerDto>(customer);
    }
}
