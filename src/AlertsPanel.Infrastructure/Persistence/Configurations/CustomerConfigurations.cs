using AlertsPanel.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlertsPanel.Infrastructure.Persistence.Configurations;

internal static class Lengths
{
    public const int Key = 32;
    public const int Name = 200;
    public const int Prefix = 32;
    public const int Hash = 32;
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.Cid);
        builder.Property(c => c.Cid).HasMaxLength(Lengths.Key);
        builder.Property(c => c.Name).HasMaxLength(Lengths.Name);
        builder.Ignore(c => c.Entitlements);
        builder.HasMany(c => c.ApiKeys).WithOne().HasForeignKey(k => k.CustomerCid);
        builder.HasMany(c => c.AdminTokens).WithOne().HasForeignKey(t => t.CustomerCid);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(k => k.Prefix).HasMaxLength(Lengths.Prefix);
        builder.Property(k => k.Hash).HasMaxLength(Lengths.Hash);
        builder.HasIndex(k => k.Prefix).IsUnique();
    }
}

internal sealed class AdminTokenConfiguration : IEntityTypeConfiguration<AdminToken>
{
    public void Configure(EntityTypeBuilder<AdminToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(t => t.Prefix).HasMaxLength(Lengths.Prefix);
        builder.Property(t => t.Hash).HasMaxLength(Lengths.Hash);
        builder.HasIndex(t => t.Prefix).IsUnique();
    }
}

internal sealed class OperatorKeyConfiguration : IEntityTypeConfiguration<OperatorKey>
{
    public void Configure(EntityTypeBuilder<OperatorKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Hash).HasMaxLength(Lengths.Hash);
    }
}
