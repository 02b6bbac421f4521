using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Cooperatives;

namespace RuralMarket.Data.Cooperatives;

/// <summary>A Vietnamese bank account's columns, wherever one is kept: a cooperative's payout account, a payout run's, a buyer's for a refund.</summary>
internal static class PayoutAccountMapping
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, PayoutAccount> account)
        where TOwner : class
    {
        account.Property(a => a.BankBin).HasMaxLength(6);
        account.Property(a => a.AccountNumber).HasMaxLength(19);
        account.Property(a => a.HolderName).HasMaxLength(100);
        account.Ignore(a => a.Bank);
    }
}
