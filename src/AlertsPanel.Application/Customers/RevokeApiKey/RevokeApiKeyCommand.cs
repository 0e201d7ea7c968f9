using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Customers.RevokeApiKey;

/// <summary>Revokes a key at once: the next request with it is refused.</summary>
public sealed record RevokeApiKeyCommand(string Cid, Guid KeyId) : ICommand;

public sealed class RevokeApiKeyCommandHandler(IAppDbContext db, TimeProvider clock, ICredentialCache credentials)
    : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.CustomerCid == command.Cid && k.Id == command.KeyId, cancellationToken)
            ?? throw new NotFoundException("The API key");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        credentials.Forget(key.Prefix);
        return Unit.Value;
    }
}
