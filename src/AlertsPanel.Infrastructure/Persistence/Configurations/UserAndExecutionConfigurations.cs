using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Executions;
using AlertsPanel.Domain.Triggers;
using AlertsPanel.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlertsPanel.Infrastructure.Persistence.Configurations;

internal sealed class BotUserConfiguration : IEntityTypeConfiguration<BotUser>
{
    /// <summary>Identifier columns are indexed, so their length is bounded (the trigger validates it first).</summary>
    public const int IdentifierLength = 255;

    public void Configure(EntityTypeBuilder<BotUser> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.BotKey).HasMaxLength(Lengths.Key);
        builder.Property(u => u.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(u => u.ExternalId).HasMaxLength(IdentifierLength);
        builder.Property(u => u.Phone).HasMaxLength(32);
        builder.Property(u => u.Email).HasMaxLength(IdentifierLength);
        builder.Property(u => u.Attributes).HasJsonConversion();
        builder.HasOne<Bot>().WithMany().HasForeignKey(u => u.BotKey);
        // A lookup takes the oldest user with the identifier: with CreatedAt in the index, SQLite's
        // planner seeks on it instead of walking the bot's users in creation order.
        builder.HasIndex(u => new { u.BotKey, u.ExternalId, u.CreatedAt });
        builder.HasIndex(u => new { u.BotKey, u.Phone, u.CreatedAt });
        builder.HasIndex(u => new { u.BotKey, u.Email, u.CreatedAt });
        builder.HasIndex(u => new { u.BotKey, u.CreatedAt });
    }
}

internal sealed class ExecutionConfiguration : IEntityTypeConfiguration<Execution>
{
    public void Configure(EntityTypeBuilder<Execution> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(e => e.BotKey).HasMaxLength(Lengths.Key);
        builder.Property(e => e.FlowKey).HasMaxLength(Lengths.Key);
        builder.Property(e => e.CurrentFlowKey).HasMaxLength(Lengths.Key);
        builder.Property(e => e.NextNodeId).HasMaxLength(64);
        builder.Property(e => e.LeaseOwner).HasMaxLength(64).IsConcurrencyToken();
        builder.Property(e => e.Attributes).HasJsonConversion();
        builder.Property(e => e.Path).HasJsonConversion();
        builder.Property(e => e.Steps).HasJsonConversion();
        builder.Ignore(e => e.IsFinished);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(e => e.UserId);
        builder.HasIndex(e => new { e.BotKey, e.CreatedAt });
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        // The worker's claim: queued executions, and running ones whose lease ran out.
        builder.HasIndex(e => new { e.Status, e.LeaseExpiresAt });
        builder.HasIndex(e => new { e.Status, e.CreatedAt }); // the worker's oldest-queued-first claim
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(r => r.BotKey).HasMaxLength(Lengths.Key);
        builder.Property(r => r.FlowKey).HasMaxLength(Lengths.Key);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.CustomerCid, r.BotKey, r.FlowKey, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
