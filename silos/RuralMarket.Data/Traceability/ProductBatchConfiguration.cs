using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Traceability;

namespace RuralMarket.Data.Traceability;

internal sealed class ProductBatchConfiguration : IEntityTypeConfiguration<ProductBatch>
{
    public void Configure(EntityTypeBuilder<ProductBatch> builder)
    {
        builder.ToTable("product_batches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Code).HasMaxLength(TraceCode.Length);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Lot).HasMaxLength(ProductBatch.MaxLotLength);
        builder.HasIndex("ProductId", nameof(ProductBatch.Lot)).IsUnique();
        builder.Ignore(b => b.Remaining);

        builder.OwnsMany(b => b.Entries, entries =>
        {
            entries.InOwnTable("diary_entries", "BatchId");
            entries.HasIndex("BatchId", nameof(DiaryEntry.Number)).IsUnique();
            entries.Property(e => e.Activity).HasConversion<string>().HasMaxLength(20);
            entries.Property(e => e.Input).HasMaxLength(DiaryEntry.MaxInputLength);
            entries.Property(e => e.Note).HasMaxLength(DiaryEntry.MaxNoteLength);
            entries.Property(e => e.WrittenBy).HasMaxLength(200);
            entries.Property(e => e.ActingAs).HasMaxLength(20);
            entries.Ignore(e => e.Photo);
            entries.HasChangeTrackingStrategy(ChangeTrackingStrategy.ChangedNotifications);
        });
    }
}
