using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Common;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Users;

namespace AlertsPanel.Domain.Tests;

public sealed class SecretTests
{
    [Fact]
    public void An_issued_secret_matches_only_itself_and_keeps_no_clear_text()
    {
        var secret = Secret.Issue(ApiKey.Kind);

        Assert.True(Secret.Matches(secret.Value, secret.Hash));
        Assert.False(Secret.Matches(secret.Value + "x", secret.Hash));
        Assert.True(Secret.TryGetPrefix(secret.Value, ApiKey.Kind, out var prefix));
        Assert.Equal(secret.Prefix, prefix);
        Assert.False(Secret.TryGetPrefix(secret.Value, AdminToken.Kind, out _));
    }

    [Fact]
    public void Keys_are_random() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => RandomKeys.New()).Distinct().Count());
}

public sealed class CustomerTests
{
    [Fact]
    public void Entitlements_follow_the_plan()
    {
        var (customer, _, _) = Customer.Create("Acme", Plan.Standard, DateTimeOffset.UnixEpoch);
        Assert.False(customer.Has(Entitlements.ApiTriggers));

        customer.ChangePlan(Plan.Enterprise);

        Assert.True(customer.Has(Entitlements.ApiTriggers));
    }
}

public sealed class BotUserTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void A_whatsapp_user_without_a_name_is_named_by_phone_and_keeps_a_later_real_name()
    {
        var user = BotUser.Create("bot", "cid", Now);

        user.Apply(new Dictionary<string, string?> { [ReservedAttributes.Phone] = "+919812345678" }, BotChannel.Whatsapp, Now);
        Assert.Equal("+919812345678", user.Name);

        user.Apply(new Dictionary<string, string?> { [ReservedAttributes.UserName] = "Ann" }, BotChannel.Whatsapp, Now);
        user.Apply(new Dictionary<string, string?> { [ReservedAttributes.Phone] = "+919812345678", [ReservedAttributes.UserName] = "" }, BotChannel.Whatsapp, Now);

        Assert.Equal("Ann", user.Name);
    }

    [Fact]
    public void Sent_attributes_overwrite_others_are_kept_and_null_removes()
    {
        var user = BotUser.Create("bot", "cid", Now);
        user.Apply(new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2" }, BotChannel.Web, Now);

        user.Apply(new Dictionary<string, string?> { ["A"] = "10", ["b"] = null }, BotChannel.Web, Now);

        Assert.Equal("10", user.Attributes["a"]);
        Assert.False(user.Attributes.ContainsKey("b"));
    }

    [Fact]
    public void A_web_user_is_not_named_by_phone()
    {
        var user = BotUser.Create("bot", "cid", Now);

        user.Apply(new Dictionary<string, string?> { [ReservedAttributes.Phone] = "+919812345678" }, BotChannel.Web, Now);

        Assert.Null(user.Name);
    }
}
