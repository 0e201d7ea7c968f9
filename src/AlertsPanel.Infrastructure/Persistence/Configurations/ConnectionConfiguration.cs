using AlertsPanel.Domain.Connections;
using AlertsPanel.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlertsPanel.Infrastructure.Persistence.Configurations;

internal sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CustomerCid).HasMaxLength(Lengths.Key);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Type).HasMaxLength(32);
        builder.HasIndex(c => new { c.CustomerCid, c.Name }).IsUnique();
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerCid);
    }
}
