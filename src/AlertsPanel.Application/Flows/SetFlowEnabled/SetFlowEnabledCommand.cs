using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using Mediator;

namespace AlertsPanel.Application.Flows.SetFlowEnabled;

/// <summary>Enables or disables a flow; triggers of a disabled flow are refused with 409.</summary>
public sealed record SetFlowEnabledCommand(string Cid, string BotKey, string FlowKey, bool Enabled) : ICommand<FlowDto>;

public sealed class SetFlowEnabledCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SetFlowEnabledCommand, FlowDto>
{
    public async ValueTask<FlowDto> Handle(SetFlowEnabledCommand command, CancellationToken cancellationToken)
    {
        var flow = await db.FlowAsync(command.Cid, command.BotKey, command.FlowKey, cancellationToken);
        if (command.Enabled)
        {
            flow.Enable(clock.GetUtcNow());
        }
        else
        {
            flow.Disable(clock.GetUtcNow());
        }
        await db.SaveChangesAsync(cancellationToken);
        return MappingProfile.ToDto(flow, await db.CurrentVersionAsync(flow, cancellationToken));
    }
}
