namespace RuralMarket.Grains;

/// <summary>
/// Who asks a grain for a change, as the web's access check established it: the account, the name shown in the
/// activity log, and the role acted in (manager, helper, admin, or the platform itself for seed and scheduled work).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Actor([property: Id(0)] Guid AccountId, [property: Id(1)] string Name, [property: Id(2)] string ActingAs)
{
    public const string PlatformRole = "platform";

    public const string BuyerRole = "buyer";

    /// <summary>The platform acting on its own (seed, expiry sweeps, reminders).</summary>
    public static Actor Platform { get; } = new(Guid.Empty, "RuralMarket", PlatformRole);

    /// <summary>Whoever holds an order's tracking link.</summary>
    public static Actor Buyer { get; } = new(Guid.Empty, "buyer", BuyerRole);

    /// <summary>Staff of a cooperative or of the platform, whose actions go into the cooperative's activity log.</summary>
    public bool IsStaff => ActingAs is not (PlatformRole or BuyerRole);
}
