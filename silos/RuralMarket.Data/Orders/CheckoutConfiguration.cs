using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Data.Orders;

/// <summary>
/// A checkout is read back whole and never queried by its parts, so the recipient, the plan and the outcome are
/// JSON columns; status and times are columns of their own for the sweep that resumes interrupted checkouts.
/// </summary>
internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    public void Configure(EntityTypeBuilder<Checkout> builder)
    {
        builder.ToTable("checkouts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.StartedAt });
        builder.Ignore(c => c.PendingEvents);
        builder.Ignore(c => c.IsFinished);
        builder.Property(c => c.RefusalCode).HasMaxLength(100);
        builder.Property(c => c.RefusedProductName).HasMaxLength(200);
        builder.Property(c => c.Recipient).AsJson();
        builder.Property(c => c.Items).AsJson();
        builder.Property(c => c.Identities).AsJson();
        builder.Property(c => c.ShippingFees).AsJson();
        builder.Property(c => c.Orders).AsJson();
    }
}
