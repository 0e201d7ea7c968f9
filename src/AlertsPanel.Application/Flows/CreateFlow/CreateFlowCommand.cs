using System.Text.Json.Nodes;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using AlertsPanel.Domain.Flows;
using FluentValidation;
using Mediator;

namespace AlertsPanel.Application.Flows.CreateFlow;

public sealed record CreateFlowCommand(string Cid, string BotKey, JsonNode? Definition) : ICommand<FlowDto>;

public sealed class CreateFlowCommandValidator : AbstractValidator<CreateFlowCommand>
{
    public CreateFlowCommandValidator(FlowDefinitionRules rules) => RuleFor(c => c.Definition).MustBeValidFlow(rules);
}

public sealed class CreateFlowCommandHandler(IAppDbContext db, FlowDefinitionRules rules, TimeProvider clock) : ICommandHandler<CreateFlowCommand, FlowDto>
{
    public async ValueTask<FlowDto> Handle(CreateFlowCommand command, CancellationToken cancellationToken)
    {
        var bot = await db.BotAsync(command.Cid, command.BotKey, cancellationToken);
        await db.CheckSurroundingsAsync(rules, bot, command.Definition!.AsObject(), cancellationToken);
        var flow = Flow.Create(bot.CustomerCid, bot.BotKey, FlowDefinitionRules.Read(command.Definition!.AsObject()), clock.GetUtcNow());
        db.Flows.Add(flow);
        await db.SaveChangesAsync(cancellationToken);
        return MappingProfile.ToDto(flow, flow.Versions[^1]);
    }
}
