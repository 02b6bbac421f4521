using System.Diagnostics.Metrics;

namespace RuralMarket.Grains.Orders;

/// <summary>Checkouts placed and refused (by the refusal's code), counted once per checkout by its grain.</summary>
public sealed class CheckoutMetrics
{
    public const string MeterName = "RuralMarket.Checkout";

    private readonly Counter<long> _placed;
    private readonly Counter<long> _refused;

    public CheckoutMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _placed = meter.CreateCounter<long>("ruralmarket.checkout.placed", "{checkout}", "Checkouts whose orders were all placed");
        _refused = meter.CreateCounter<long>("ruralmarket.checkout.refused", "{checkout}", "Checkouts refused and released, by refusal code");
    }

    public void Placed() => _placed.Add(1);

    public void Refused(string code) => _refused.Add(1, new KeyValuePair<string, object?>("code", code));
}
