using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Geography;

namespace RuralMarket.Data;

internal static class AddressMapping
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, Address> address)
        where TOwner : class
    {
        address.Property(a => a.ProvinceCode).HasMaxLength(8);
        address.Property(a => a.Commune).HasMaxLength(100);
        address.Property(a => a.Street).HasMaxLength(200);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("communes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(10);
        builder.Property(c => c.ProvinceCode).HasMaxLength(8);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => new { c.ProvinceCode, c.Name });
    }
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> builder)
    {
        builder.ToTable("provinces");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(8);
        builder.Property(p => p.Name).HasMaxLength(100);
    }
}
