using System.Globalization;

namespace RuralMarket.Domain.Shared;

/// <summary>
/// An amount in whole Vietnamese đồng. VND has no minor unit, so there is no rounding anywhere;
/// arithmetic is checked, and an amount is never negative.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(MoneyJsonConverter))]
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

    /// <summary>
    /// Reads an amount as people write it: <c>150000</c>, <c>150.000</c>, <c>150 000 ₫</c>, <c>150,000đ</c>.
    /// Grouping marks must separate groups of three, so "1,5" or "1.50" is refused rather than read as 15 or 150.
    /// </summary>
    public static Money Parse(string? text, string field)
    {
        var value = (text ?? string.Empty).Trim().TrimEnd('₫', 'đ', 'Đ').Replace('\u00A0', ' ').Trim();
        if (value.Length is 0 or > 20)
        {
            throw new DomainException(value.Length == 0 ? $"{field}.required" : $"{field}.invalid", $"'{text}' is not an amount in đồng.");
        }
        var groups = value.Split('.', ',', ' ');
        var wellGrouped = groups.Length == 1 || (groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3));
        var digits = string.Concat(groups);
        if (!wellGrouped || !digits.All(char.IsAsciiDigit) || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var dong))
        {
            throw new DomainException($"{field}.invalid", $"'{text}' is not an amount in whole đồng.");
        }
        return new Money(dong);
    }

    /// <summary>A difference of amounts, which may be below zero (a month whose refunds outweigh its sales): "−12.000 ₫".</summary>
    public static string Signed(long dong) => dong < 0 ? "\u2212" + FromDong(checked(-dong)) : FromDong(dong).ToString();

    /// <summary>Vietnamese display form: <c>150.000 ₫</c> (dot grouping, a no-break space, then the đồng sign).</summary>
    public override string ToString() => Dong.ToString("#,0", VietnameseGrouping) + "\u00A0₫";
}
