using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Common.Security;
using Mediator;

namespace AlertsPanel.Application.Customers.CreateApiKey;

/// <summary>Issues another API key; existing keys stay valid until revoked, so a rotation needs no downtime.</summary>
public sealed record CreateApiKeyCommand(string Cid) : ICommand<CreatedApiKeyDto>;

public sealed class CreateApiKeyCommandHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    public async ValueTask<CreatedApiKeyDto> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerAsync(command.Cid, cancellationToken);
        var (key, secret) = customer.IssueApiKey(clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto(key.Id, secret.Value, key.Prefix, key.CreatedAt);
    }
}
