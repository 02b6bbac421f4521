using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
