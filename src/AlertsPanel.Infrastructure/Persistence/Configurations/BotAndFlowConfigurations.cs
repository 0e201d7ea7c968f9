using AlertsPanel.Domain.Bots;
using AlertsPanel.Domain.Customers;
using AlertsPanel.Domain.Flows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlertsPanel.Infrastructure.Persistence.Configurations;

internal sealed class BotConfiguration : IEntityTypeConfiguration<Bot>
{
    public void Configure(EntityTypeBuilder<Bot> builder)
    {
        builder.HasKey(b => b.BotKey);
        builder.Property(b => b.BotKey).HasMaxLength(Lengths.Key);
        builder.Property(b => b.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(b => b.Name).HasMaxLength(Lengths.Name);
        builder.HasOne<Customer>().WithMany().HasForeignKey(b => b.CustomerCid);
        builder.HasIndex(b => new { b.CustomerCid, b.CreatedAt });
    }
}

internal sealed class FlowConfiguration : IEntityTypeConfiguration<Flow>
{
    public void Configure(EntityTypeBuilder<Flow> builder)
    {
        builder.HasKey(f => f.FlowKey);
        builder.Property(f => f.FlowKey).HasMaxLength(Lengths.Key);
        builder.Property(f => f.BotKey).HasMaxLength(Lengths.Key);
        builder.Property(f => f.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(f => f.Name).HasMaxLength(Lengths.Name);
        builder.HasOne<Bot>().WithMany().HasForeignKey(f => f.BotKey);
        builder.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FlowKey);
        builder.HasIndex(f => new { f.BotKey, f.CreatedAt });
    }
}

internal sealed class FlowVersionConfiguration : IEntityTypeConfiguration<FlowVersion>
{
    public void Configure(EntityTypeBuilder<FlowVersion> builder)
    {
        builder.HasKey(v => new { v.FlowKey, v.Version });
        builder.Property(v => v.FlowKey).HasMaxLength(Lengths.Key);
    }
}
