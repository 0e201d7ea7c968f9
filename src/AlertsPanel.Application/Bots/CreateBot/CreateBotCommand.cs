using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Domain.Bots;
using AutoMapper;
using FluentValidation;
using Mediator;

namespace AlertsPanel.Application.Bots.CreateBot;

public sealed record CreateBotCommand(string Cid, string? Name, string? Channel) : ICommand<BotDto>;

public sealed class CreateBotCommandValidator : AbstractValidator<CreateBotCommand>
{
    public CreateBotCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Channel).Must(c => Wire.TryParse<BotChannel>(c, out _)).WithMessage($"'channel' must be one of {Wire.Names<BotChannel>()}");
    }
}

public sealed class CreateBotCommandHandler(IAppDbContext db, IMapper mapper, TimeProvider clock) : ICommandHandler<CreateBotCommand, BotDto>
{
    public async ValueTask<BotDto> Handle(CreateBotCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(command.Cid, cancellationToken);
        var channel = Wire.Parse<BotChannel>(command.Channel);
        var bot = Bot.Create(customer.Cid, command.Name!.Trim(), channel, clock.GetUtcNow());
        db.Bots.Add(bot);
        await db.SaveChangesAsync(cancellationToken);
        return mapper.Map<BotDto>(bot);
    }
}
