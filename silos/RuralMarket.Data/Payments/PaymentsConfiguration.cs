using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Data.Cooperatives;
using RuralMarket.Domain.Payments;

namespace RuralMarket.Data.Payments;

internal sealed class BankTransferConfiguration : IEntityTypeConfiguration<BankTransfer>
{
    public void Configure(EntityTypeBuilder<BankTransfer> builder)
    {
        builder.ToTable("bank_transfers");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => new { t.Provider, t.TransactionId }).IsUnique();
        builder.HasIndex(t => new { t.Outcome, t.ReceivedAt });
        builder.Property(t => t.Provider).HasMaxLength(20);
        builder.Property(t => t.TransactionId).HasMaxLength(100);
        builder.Property(t => t.Memo).HasMaxLength(500);
        builder.Property(t => t.AccountNumber).HasMaxLength(30);
        builder.Property(t => t.Outcome).HasMaxLength(20);
        builder.Property(t => t.Detail).HasMaxLength(300);
        builder.Ignore(t => t.Reference);
    }
}

internal sealed class CardEventConfiguration : IEntityTypeConfiguration<CardEvent>
{
    public void Configure(EntityTypeBuilder<CardEvent> builder)
    {
        builder.ToTable("card_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(255).ValueGeneratedNever();
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.Property(e => e.Detail).HasMaxLength(300);
        builder.HasIndex(e => new { e.Outcome, e.ReceivedAt });
    }
}

internal sealed class LedgerLineConfiguration : IEntityTypeConfiguration<LedgerLine>
{
    public void Configure(EntityTypeBuilder<LedgerLine> builder)
    {
        builder.ToTable("ledger_lines");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.Posting, l.Account, l.Side, l.ProductId }).IsUnique();
        builder.HasIndex(l => new { l.Account, l.PostedAt });
        builder.HasIndex(l => l.OrderId);
        builder.Property(l => l.Posting).HasMaxLength(100);
        builder.Property(l => l.Account).HasMaxLength(60);
        builder.Property(l => l.Side).HasMaxLength(6);
        builder.Ignore(l => l.Signed);
        builder.Ignore(l => l.Product);
        builder.Ignore(l => l.Entry);
    }
}

internal sealed class PayoutRunConfiguration : IEntityTypeConfiguration<PayoutRun>
{
    public void Configure(EntityTypeBuilder<PayoutRun> builder)
    {
        builder.ToTable("payout_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CooperativeId, r.DrawnOn }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.DrawnAt });
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.BankReference).HasMaxLength(60);
        builder.Ignore(r => r.PendingEvents);
        builder.Ignore(r => r.Total);
        builder.Ignore(r => r.Code);
        builder.Ignore(r => r.Memo);
        builder.OwnsOne(r => r.Account, PayoutAccountMapping.Configure);
        builder.OwnsMany(r => r.Lines, lines =>
        {
            lines.InOwnTable("payout_lines", "RunId");
            lines.HasIndex(l => new { l.OrderId, l.Account }).IsUnique();
            lines.HasIndex(l => l.Account);
            lines.Property(l => l.OrderCode).HasMaxLength(40);
            lines.Property(l => l.Account).HasMaxLength(60);
            lines.Ignore(l => l.HouseholdId);
        });
    }
}

internal sealed class HouseholdHandoverConfiguration : IEntityTypeConfiguration<HouseholdHandover>
{
    public void Configure(EntityTypeBuilder<HouseholdHandover> builder)
    {
        builder.ToTable("household_handovers");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => new { h.HouseholdId, h.HandedOn });
        builder.HasIndex(h => h.CooperativeId);
        builder.Property(h => h.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Note).HasMaxLength(200);
        builder.Property(h => h.RecordedBy).HasMaxLength(100);
        builder.Property(h => h.VoidReason).HasMaxLength(200);
        builder.Ignore(h => h.PendingEvents);
        builder.Ignore(h => h.IsVoided);
    }
}
