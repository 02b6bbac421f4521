namespace RuralMarket.Domain.Traceability;

/// <summary>What a household did, as the harvest diary records it.</summary>
public enum FarmActivity
{
    Sowing,
    Fertilising,
    Spraying,
    Harvesting,
    Drying,
    Packing,
    Other,
}

public static class FarmActivities
{
    /// <summary>Fertiliser and sprays are what a buyer (and Circular 02/2024) asks about: the product and its dose must be named.</summary>
    public static bool NeedsInput(this FarmActivity activity) => activity is FarmActivity.Fertilising or FarmActivity.Spraying;
}
