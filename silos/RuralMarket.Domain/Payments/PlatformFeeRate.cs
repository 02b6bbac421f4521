using RuralMarket.Domain.Shared;

namespace RuralMarket.Domain.Payments;

/// <summary>The platform's fee on the goods, in basis points (100 = 1 %); 0 by default. Rounded down, so it never takes a đồng more.</summary>
public readonly record struct PlatformFeeRate
{
    public const int MaxBasisPoints = 3_000;

    public PlatformFeeRate(int basisPoints) =>
        BasisPoints = basisPoints is >= 0 and <= MaxBasisPoints
            ? basisPoints
            : throw new DomainException("ledger.fee_rate", $"The platform fee is 0 to {MaxBasisPoints / 100} %, not {basisPoints / 100m} %.");

    public int BasisPoints { get; }

    public Money Of(Money goods) => Money.FromDong(goods.Dong / 10_000 * BasisPoints + goods.Dong % 10_000 * BasisPoints / 10_000);
}
