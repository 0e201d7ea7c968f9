using AlertsPanel.Domain.Common;

namespace AlertsPanel.Domain.Bots;

public enum BotChannel
{
    Web,
    Whatsapp,
}

public sealed class Bot
{
    private Bot(string botKey, string customerCid, string name, BotChannel channel, DateTimeOffset createdAt)
    {
        BotKey = botKey;
        CustomerCid = customerCid;
        Name = name;
        Channel = channel;
        CreatedAt = createdAt;
    }

    public string BotKey { get; private set; }
    public string CustomerCid { get; private set; }
    public string Name { get; private set; }
    public BotChannel Channel { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public static Bot Create(string customerCid, string name, BotChannel channel, DateTimeOffset now) =>
        new(RandomKeys.New(), customerCid, name, channel, now);
}
