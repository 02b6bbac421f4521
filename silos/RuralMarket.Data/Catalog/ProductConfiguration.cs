using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Catalog;

namespace RuralMarket.Data.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => p.CooperativeId);
        builder.Property(p => p.Slug).HasMaxLength(120);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Origin).HasMaxLength(300);
        builder.Property(p => p.Harvest).HasMaxLength(200);
        builder.Property(p => p.EnglishName).HasMaxLength(200);
        builder.Ignore(p => p.Listing);
        builder.Ignore(p => p.PendingEvents);

        builder.OwnsOne(p => p.Certificate, certificate =>
        {
            certificate.Property(c => c.Number).HasMaxLength(50);
        });
        builder.Navigation(p => p.Certificate).IsRequired(false);

        builder.OwnsMany(p => p.Producers, producers =>
        {
            producers.InOwnTable("product_producers", "ProductId");
        });
        builder.OwnsMany(p => p.Photos, photos =>
        {
            photos.InOwnTable("product_photos", "ProductId");
            photos.Ignore(p => p.Variants);
        });
        // Not owned, so not loaded with every read of a product: a hot product has thousands of open reservations,
        // which only its grain needs (it loads every navigation of its aggregate).
        builder.HasMany(p => p.Reservations).WithOne().HasForeignKey("ProductId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        // Batches and their diaries, for the same reason: the trace page and the portal read them on their own.
        builder.HasMany(p => p.Batches).WithOne().HasForeignKey("ProductId").IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.ToTable("stock_reservations");
        builder.Property<long>("Id");
        builder.HasKey("Id");
        builder.HasIndex("ProductId", nameof(StockReservation.OrderId)).IsUnique();
        builder.HasIndex(r => r.OrderId);
        builder.HasChangeTrackingStrategy(ChangeTrackingStrategy.ChangedNotifications);
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.ToTable("stock_adjustments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(StockAdjustment.MaxNoteLength);
        builder.Property(a => a.AccountName).HasMaxLength(200);
        builder.Property(a => a.ActingAs).HasMaxLength(20);
        builder.HasIndex(a => new { a.ProductId, a.At });
    }
}
