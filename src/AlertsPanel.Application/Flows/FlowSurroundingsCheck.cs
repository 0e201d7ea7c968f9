using System.Text.Json.Nodes;
using AlertsPanel.Application.Common.Exceptions;
using AlertsPanel.Application.Common.Interfaces;
using AlertsPanel.Application.Engine.NodeTypes;
using AlertsPanel.Domain.Bots;
using Microsoft.EntityFrameworkCore;

namespace AlertsPanel.Application.Flows;

/// <summary>The save-time check that needs the store: a definition against its bot, the customer's connections and the bot's flows.</summary>
public static class FlowSurroundingsCheck
{
    /// <summary>Throws a 400 with every problem when the definition refers to something it cannot use.</summary>
    public static async Task CheckSurroundingsAsync(this IAppDbContext db, FlowDefinitionRules rules, Bot bot, JsonObject definition, CancellationToken ct)
    {
        var (cid, botKey) = (bot.CustomerCid, bot.BotKey);
        var connections = await db.Connections.AsNoTracking().Where(c => c.CustomerCid == cid).ToDictionaryAsync(c => c.Name, c => c.Type, StringComparer.Ordinal, ct);
        var flowKeys = await db.Flows.AsNoTracking().Where(f => f.BotKey == botKey).Select(f => f.FlowKey).ToListAsync(ct);
        var problems = rules.CheckSurroundings(definition, new FlowSurroundings(bot.Channel, connections, flowKeys.ToHashSet(StringComparer.Ordinal)));
        if (problems.Count > 0)
        {
            throw new ValidationException(problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
    }
}
