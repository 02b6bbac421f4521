namespace RuralMarket.Domain.Catalog;

/// <summary>Why stock was changed by hand (orders reserve and return stock on their own, and are not logged here).</summary>
public enum StockAdjustmentReason
{
    /// <summary>New goods in: a harvest or a batch made.</summary>
    Restock,

    /// <summary>A count found a different number.</summary>
    Count,

    /// <summary>Spoiled, broken or past its date.</summary>
    Damaged,

    /// <summary>Sold or given away outside the platform.</summary>
    SoldElsewhere,

    Other,

    /// <summary>A returned parcel's goods, back with the cooperative.</summary>
    Returned,
}
