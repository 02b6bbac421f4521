using System.Globalization;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// An amount in whole Vietnamese đồng. VND has no minor unit, so there is no rounding anywhere;
/// arithmetic is checked, and an amount is never negative.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private static readonly NumberFormatInfo VietnameseGrouping = new() { NumberGroupSeparator = ".", NumberGroupSizes = [3] };

    public Money(long dong)
    {
        if (dong < 0)
        {
            throw new DomainException("money.negative", $"An amount cannot be negative ({dong} đồng).");
        }
        Dong = dong;
    }

    public long Dong { get; }

    public static Money Zero => default;

    public static Money FromDong(long dong) => new(dong);

    public static Money operator +(Money left, Money right) => new(checked(left.Dong + right.Dong));

    public static Money operator -(Money left, Money right) => new(checked(left.Dong - right.Dong));

    public static Money operator *(Money price, int quantity) => new(checked(price.Dong * quantity));

    public static bool operator <(Money left, Money right) => left.Dong < right.Dong;

    public static bool operator >(Money left, Money right) => left.Dong > right.Dong;

    public static bool operator <=(Money left, Money right) => left.Dong <= right.Dong;

    public static bool operator >=(Money left, Money right) => left.Dong >= right.Dong;

    public int CompareTo(Money other) => Dong.CompareTo(other.Dong);

    public static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Zero, (total, next) => total + next);

    /// <summary>Vietnamese display form: <c>150.000 ₫</c> (dot grouping, a no-break space, then the đồng sign).</summary>
    public override string ToString() => Dong.ToString("#,0", VietnameseGrouping) + "\u00A0₫";
}
