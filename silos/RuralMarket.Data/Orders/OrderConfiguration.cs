using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Data.Cooperatives;
using RuralMarket.Domain.Orders;

namespace RuralMarket.Data.Orders;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => o.Code).IsUnique();
        builder.HasIndex(o => o.TrackingToken).IsUnique();
        builder.HasIndex(o => o.CheckoutId);
        builder.HasIndex(o => new { o.CooperativeId, o.Status });
        builder.HasIndex(o => new { o.Status, o.ReservationExpiresAt });
        builder.Property(o => o.Code).HasMaxLength(20);
        builder.Property(o => o.TrackingToken).HasMaxLength(64);
        builder.Property(o => o.DeliveryNote).HasMaxLength(500);
        builder.Property(o => o.PaymentReference).HasMaxLength(100);
        builder.Ignore(o => o.PendingEvents);
        builder.Ignore(o => o.Subtotal);
        builder.Ignore(o => o.Total);
        builder.Ignore(o => o.WeightGrams);
        builder.Ignore(o => o.CashOnDeliveryAmount);
        builder.Ignore(o => o.RefundedTotal);
        builder.Ignore(o => o.LinesNotRefunded);
        builder.Ignore(o => o.IsRefundable);

        builder.OwnsOne(o => o.Buyer, buyer =>
        {
            buyer.Property(b => b.Name).HasMaxLength(100);
            buyer.Property(b => b.Phone).HasMaxLength(20);
            buyer.Property(b => b.Email).HasMaxLength(254);
        });
        builder.OwnsOne(o => o.DeliveryAddress, AddressMapping.Configure);

        builder.OwnsMany(o => o.Lines, lines =>
        {
            lines.InOwnTable("order_lines", "OrderId");
            lines.Property(l => l.ProductName).HasMaxLength(200);
            lines.Ignore(l => l.Total);
            lines.Ignore(l => l.WeightGrams);
            lines.Property(l => l.Producers).AsJson();
            lines.Property(l => l.TraceCode).HasMaxLength(Domain.Traceability.TraceCode.Length);
            lines.HasIndex(l => l.TraceCode);
        });
        builder.OwnsMany(o => o.Timeline, timeline =>
        {
            timeline.InOwnTable("order_status_changes", "OrderId");
            timeline.Property(c => c.Note).HasMaxLength(500);
        });
        builder.OwnsMany(o => o.Refunds, refunds =>
        {
            refunds.InOwnTable("order_refunds", "OrderId");
            refunds.HasIndex(r => r.RefundId).IsUnique();
            refunds.HasIndex(r => r.SentAt);
            refunds.Property(r => r.ProductIds).AsJson();
            refunds.Property(r => r.Reason).HasMaxLength(300);
            refunds.Property(r => r.Reference).HasMaxLength(100);
            refunds.Ignore(r => r.IsFull);
            refunds.Ignore(r => r.IsSent);
            refunds.OwnsOne(r => r.Payee, PayoutAccountMapping.Configure);
        });
        builder.OwnsMany(o => o.Reviews, reviews =>
        {
            reviews.InOwnTable("order_reviews", "OrderId");
            reviews.HasIndex("OrderId", nameof(OrderReview.ProductId)).IsUnique();
            reviews.HasIndex(r => new { r.ProductId, r.CreatedAt });
            reviews.HasIndex(r => r.CreatedAt);
            reviews.Property(r => r.Text).HasMaxLength(OrderReview.MaxTextLength);
            reviews.Property(r => r.ReviewerName).HasMaxLength(100);
            reviews.Property(r => r.Answer).HasMaxLength(OrderReview.MaxTextLength);
            reviews.Property(r => r.HiddenReason).HasMaxLength(200);
            reviews.Ignore(r => r.IsHidden);
        });
    }
}
