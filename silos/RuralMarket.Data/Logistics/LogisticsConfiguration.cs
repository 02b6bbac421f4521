using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Logistics;

namespace RuralMarket.Data.Logistics;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> builder)
    {
        builder.ToTable("shipments");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.OrderId);
        builder.HasIndex(s => new { s.Carrier, s.Waybill }).IsUnique();
        builder.HasIndex(s => new { s.PartnerId, s.Status });
        builder.Property(s => s.OrderCode).HasMaxLength(20);
        builder.Property(s => s.Carrier).HasMaxLength(20);
        builder.Property(s => s.Service).HasMaxLength(40);
        builder.Property(s => s.Waybill).HasMaxLength(40);
        builder.Ignore(s => s.PendingEvents);
        builder.Ignore(s => s.IsFinished);
        builder.OwnsOne(s => s.Parcel, parcel =>
        {
            parcel.Property(p => p.WeightGrams);
            parcel.Property(p => p.LengthCm);
            parcel.Property(p => p.WidthCm);
            parcel.Property(p => p.HeightCm);
        });
        builder.OwnsOne(s => s.Sender, End);
        builder.OwnsOne(s => s.Recipient, End);
        builder.OwnsMany(s => s.Events, events =>
        {
            events.InOwnTable("shipment_events", "ShipmentId");
            events.HasIndex("ShipmentId", nameof(ShipmentEvent.EventKey)).IsUnique();
            events.Property(e => e.EventKey).HasMaxLength(100);
            events.Property(e => e.CarrierStatus).HasMaxLength(60);
            events.Property(e => e.Note).HasMaxLength(300);
        });
    }

    private static void End(OwnedNavigationBuilder<Shipment, ParcelEnd> end)
    {
        end.Property(e => e.Name).HasMaxLength(200);
        end.Property(e => e.Phone).HasMaxLength(20);
        end.OwnsOne(e => e.Address, AddressMapping.Configure);
    }
}

internal sealed class RemittanceConfiguration : IEntityTypeConfiguration<Remittance>
{
    public void Configure(EntityTypeBuilder<Remittance> builder)
    {
        builder.ToTable("cod_remittances");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.PartnerId, r.Reference }).IsUnique();
        builder.Property(r => r.Reference).HasMaxLength(60);
        builder.Ignore(r => r.PendingEvents);
        builder.Ignore(r => r.Total);
        builder.Ignore(r => r.Fees);
        builder.OwnsMany(r => r.Lines, lines =>
        {
            lines.InOwnTable("cod_remittance_lines", "RemittanceId");
            lines.HasIndex(l => l.Waybill);
            lines.Property(l => l.Waybill).HasMaxLength(40);
            lines.Property(l => l.Amount);
            lines.Property(l => l.Fee);
        });
    }
}

internal sealed class PostalPartnerConfiguration : IEntityTypeConfiguration<PostalPartner>
{
    public void Configure(EntityTypeBuilder<PostalPartner> builder)
    {
        builder.ToTable("postal_partners");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Slug).HasMaxLength(80);
        builder.Property(p => p.Carrier).HasMaxLength(20);
        builder.Property(p => p.WebhookSecretHash).HasMaxLength(64);
        builder.Property(p => p.Phone).HasMaxLength(11);
    }
}

internal sealed class PartnerAccessConfiguration : IEntityTypeConfiguration<PartnerAccess>
{
    public void Configure(EntityTypeBuilder<PartnerAccess> builder)
    {
        builder.ToTable("partner_access");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.AccountId, a.PartnerId }).IsUnique();
    }
}

internal sealed class PartnerApiKeyConfiguration : IEntityTypeConfiguration<PartnerApiKey>
{
    public void Configure(EntityTypeBuilder<PartnerApiKey> builder)
    {
        builder.ToTable("partner_api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.PartnerId);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.Label).HasMaxLength(100);
    }
}

internal sealed class CarrierWebhookCallConfiguration : IEntityTypeConfiguration<CarrierWebhookCall>
{
    public void Configure(EntityTypeBuilder<CarrierWebhookCall> builder)
    {
        builder.ToTable("carrier_webhooks");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.Outcome, c.ReceivedAt });
        builder.Property(c => c.Carrier).HasMaxLength(20);
        builder.Property(c => c.Body).HasMaxLength(CarrierWebhookCall.MaxBodyLength);
        builder.Property(c => c.Outcome).HasMaxLength(20);
        builder.Property(c => c.Detail).HasMaxLength(300);
    }
}
