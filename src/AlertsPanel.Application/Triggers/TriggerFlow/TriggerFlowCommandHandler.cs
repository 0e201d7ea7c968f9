using System.Security.Cryptography;
using System.Text;
using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Common.Mapping;
using AlertsPanel.Application.Engine;
using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Triggers.TriggerFlow;

/// <summary>
/// Resolves bot and flow, creates or updates the bot user, and commits user, attributes, a queued
/// execution and (with an Idempotency-Key) the idempotency record in one transaction (shared with
/// triggers arriving at the same moment: see <see cref="ITriggerWriter"/>). The flow then runs in the background.
/// </summary>
public sealed class TriggerFlowCommandHandler(
    IAppDbContext db, ITriggerWriter writer, CompiledFlowCache flows, IExecutionNotifications notifications, TimeProvider clock)
    : ICommandHandler<TriggerFlowCommand, TriggerFlowResult>
{
    public async ValueTask<TriggerFlowResult> Handle(TriggerFlowCommand command, CancellationToken cancellationToken)
    {
        // Queries capture plain locals, not properties of the command: EF reads a captured local
        // directly but compiles a delegate on every call to evaluate a property chain.
        var (cid, botKey, flowKey) = (command.Cid, command.BotKey, command.FlowKey);
        // Bot and flow in one round trip (a left join, so a missing flow still finds its bot).
        var found = await (
            from b in db.Bots.AsNoTracking().Where(b => b.CustomerCid == cid && b.BotKey == botKey)
            from f in db.Flows.AsNoTracking().Where(f => f.BotKey == b.BotKey && f.FlowKey == flowKey).DefaultIfEmpty()
            select new { Bot = b, Flow = f }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The bot");
        var (bot, flow) = (found.Bot, found.Flow ?? throw new NotFoundException("The flow"));
        if (!flow.Enabled)
        {
            throw new ConflictException("The flow is disabled; enable it to accept triggers.");
        }

        var attributes = Attributes(command.Parameters);
        var requestHash = command.IdempotencyKey is null ? string.Empty : Hash(attributes);
        if (command.IdempotencyKey is not null && await ReplayAsync(command, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow();
        var (user, created) = await FindOrCreateUserAsync(bot, attributes, now, cancellationToken);
        user.Apply(attributes, bot.Channel, now);
        if (bot.Channel == BotChannel.Whatsapp && user.Phone is null)
        {
            throw ValidationException.For("phone", "a WhatsApp bot's user needs a phone number (parameter 'phone' or 'user.phone')");
        }

        var compiled = await flows.GetAsync(db, flow.FlowKey, flow.CurrentVersion, cancellationToken);
        var execution = Execution.Queue(bot.CustomerCid, bot.BotKey, flow.FlowKey, flow.CurrentVersion, user.Id, user.Attributes, compiled.StartNodeId, now);
        var record = command.IdempotencyKey is null ? null
            : new IdempotencyRecord(bot.CustomerCid, bot.BotKey, flow.FlowKey, command.IdempotencyKey, requestHash, execution.Id, user.Id, created, now);

        try
        {
            await writer.CommitAsync(new TriggerWrite(user, created, execution, record), cancellationToken);
        }
        catch (DbUpdateException) when (record is not null)
        {
            // Two requests with the same key raced; the unique index let one commit. Answer as its retry.
            return await ReplayAsync(command, requestHash, cancellationToken) ?? throw new ConflictException("The request conflicted with another; retry it.");
        }
        notifications.Queued();
        return TriggerFlowResult.For(bot.CustomerCid, bot.BotKey, execution.Id, user.Id, created, Wire.Name(execution.Status));
    }

    /// <summary>Parameters as attributes: aliases become full names, phone and e-mail their stored form.</summary>
    private static Dictionary<string, string?> Attributes(IReadOnlyDictionary<string, string?> parameters)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            var attribute = ReservedAttributes.Canonical(name);
            attributes[attribute] = (attribute, value) switch
            {
                (_, null) => null,
                (ReservedAttributes.Phone, _) => UserIdentity.NormalizePhone(value),
                (ReservedAttributes.Email, _) => UserIdentity.NormalizeEmail(value),
                _ => value,
            };
        }
        return attributes;
    }

    /// <summary>Looked up by external id, then phone, then e-mail; no identifier makes a new user.</summary>
    private async Task<(BotUser User, bool Created)> FindOrCreateUserAsync(Bot bot, Dictionary<string, string?> attributes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var botKey = bot.BotKey;
        // Not tracked: the user is written by the trigger writer, with the execution.
        var users = db.BotUsers.AsNoTracking().Where(u => u.BotKey == botKey);
        BotUser? user = null;
        if (attributes.GetValueOrDefault(ReservedAttributes.ExternalId) is { } externalId)
        {
            user = await users.OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(u => u.ExternalId == externalId, cancellationToken);
        }
        if (user is null && attributes.GetValueOrDefault(ReservedAttributes.Phone) is { } phone)
        {
            user = await users.OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        }
        if (user is null && attributes.GetValueOrDefault(ReservedAttributes.Email) is { } email)
        {
            user = await users.OrderBy(u => u.CreatedAt).FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        }
        if (user is not null)
        {
            return (user, false);
        }
        return (BotUser.Create(bot.BotKey, bot.CustomerCid, now), true);
    }

    private async Task<TriggerFlowResult?> ReplayAsync(TriggerFlowCommand command, string requestHash, CancellationToken cancellationToken)
    {
        var (cid, botKey, flowKey, key) = (command.Cid, command.BotKey, command.FlowKey, command.IdempotencyKey);
        var record = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r =>
            r.CustomerCid == cid && r.BotKey == botKey && r.FlowKey == flowKey && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != requestHash)
        {
            throw new UnprocessableException("This Idempotency-Key was used with other parameters; use a new key for a new request.");
        }
        var executionId = record.ExecutionId;
        var status = await db.Executions.AsNoTracking().Where(e => e.Id == executionId).Select(e => e.Status).SingleAsync(cancellationToken);
        return TriggerFlowResult.For(command.Cid, command.BotKey, record.ExecutionId, record.UserId, record.UserCreated, Wire.Name(status));
    }

    private static string Hash(Dictionary<string, string?> attributes)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase))
        {
            canonical.Append(name.ToLowerInvariant()).Append('\0').Append(value ?? "\u0001null").Append('\0');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
