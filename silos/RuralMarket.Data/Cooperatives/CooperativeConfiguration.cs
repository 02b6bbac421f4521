using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Cooperatives;

namespace RuralMarket.Data.Cooperatives;

internal sealed class CooperativeConfiguration : IEntityTypeConfiguration<Cooperative>
{
    public void Configure(EntityTypeBuilder<Cooperative> builder)
    {
        builder.ToTable("cooperatives");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Slug).HasMaxLength(120);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.RegistrationNumber).HasMaxLength(50);
        builder.Property(c => c.RejectionReason).HasMaxLength(500);
        builder.Ignore(c => c.PendingEvents);
        builder.OwnsOne(c => c.Address, AddressMapping.Configure);
        builder.Property(c => c.ContactPhone).HasMaxLength(20);
        builder.Property(c => c.ContactEmail).HasMaxLength(254);
        builder.OwnsOne(c => c.Payout, PayoutAccountMapping.Configure);
        builder.Navigation(c => c.Payout).IsRequired(false);

        builder.OwnsMany(c => c.Households, households =>
        {
            households.ToTable("households");
            households.WithOwner().HasForeignKey("CooperativeId");
            households.HasKey(h => h.Id);
            households.Property(h => h.Id).ValueGeneratedNever();
            households.Property(h => h.HeadName).HasMaxLength(100);
            households.Property(h => h.Village).HasMaxLength(100);
            households.Property(h => h.Produces).HasMaxLength(200);
            households.Property(h => h.Phone).HasMaxLength(20);
        });
    }
}
