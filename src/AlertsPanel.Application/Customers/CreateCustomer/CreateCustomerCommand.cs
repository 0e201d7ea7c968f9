using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Domain.Customers;
using FluentValidation;
using Mediator;

namespace AlertsPanel.Application.Customers.CreateCustomer;

public sealed record CreateCustomerCommand(string? Name, string? Plan) : ICommand<CreatedCustomerDto>;

public sealed class CreateCustomerCommandValidator : AbstractValidator<CreateCustomerCommand>
{
    public CreateCustomerCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Plan).Must(p => Wire.TryParse<Plan>(p, out _)).WithMessage($"'plan' must be one of {Wire.Names<Plan>()}");
    }
}

public sealed class CreateCustomerCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateCustomerCommand, CreatedCustomerDto>
{
    public async ValueTask<CreatedCustomerDto> Handle(CreateCustomerCommand command, CancellationToken cancellationToken)
    {
        var plan = Wire.Parse<Plan>(command.Plan);
        var (customer, apiKey, adminToken) = Customer.Create(command.Name!.Trim(), plan, clock.GetUtcNow());
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedCustomerDto(customer.Cid, customer.Name, Wire.Name(customer.Plan), customer.Entitlements, apiKey.Value, adminToken.Value);
    }
}
