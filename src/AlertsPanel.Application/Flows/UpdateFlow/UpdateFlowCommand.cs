using System.Text.Json.Nodes;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace AlertsPanel.Application.Flows.UpdateFlow;

/// <summary>Saves a new version of a flow; executions already queued keep the version they started with.</summary>
public sealed record UpdateFlowCommand(string Cid, string BotKey, string FlowKey, JsonNode? Definition) : ICommand<FlowDto>;

public sealed class UpdateFlowCommandValidator : AbstractValidator<UpdateFlowCommand>
{
    public UpdateFlowCommandValidator(FlowDefinitionRules rules) => RuleFor(c => c.Definition).MustBeValidFlow(rules);
}

public sealed class UpdateFlowCommandHandler(IAppDbContext db, FlowDefinitionRules rules, TimeProvider clock) : ICommandHandler<UpdateFlowCommand, FlowDto>
{
    public async ValueTask<FlowDto> Handle(UpdateFlowCommand command, CancellationToken cancellationToken)
    {
        var flow = await db.FlowAsync(command.Cid, command.BotKey, command.FlowKey, cancellationToken);
        await db.CheckSurroundingsAsync(rules, await db.BotAsync(command.Cid, command.BotKey, cancellationToken), command.Definition!.AsObject(), cancellationToken);
        var version = flow.Revise(FlowDefinitionRules.Read(command.Definition!.AsObject()), clock.GetUtcNow());
        db.FlowVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        return MappingProfile.ToDto(flow, version);
    }
}
