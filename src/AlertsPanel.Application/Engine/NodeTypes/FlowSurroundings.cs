using AlertsPanel.Domain.Bots;

namespace AlertsPanel.Application.Engine.NodeTypes;

/// <summary>What a flow being saved can refer to: its bot's channel, the customer's connections (name → type) and the bot's flows.</summary>
public sealed record FlowSurroundings(BotChannel Channel, IReadOnlyDictionary<string, string> Connections, IReadOnlySet<string> FlowKeys);
