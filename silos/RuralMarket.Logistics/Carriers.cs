namespace RuralMarket.Logistics;

/// <summary>The carrier adapters switched on here, by code.</summary>
public sealed class Carriers(IEnumerable<ICarrier> carriers)
{
    private readonly Dictionary<string, ICarrier> _byCode = carriers.Where(c => c.IsOn).ToDictionary(c => c.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Codes => _byCode.Keys;

    /// <summary>The carriers switched on whose open parcels are polled.</summary>
    public IReadOnlyList<string> Polled => _byCode.Values.Where(c => c.IsPolled).Select(c => c.Code).ToList();

    public ICarrier For(string code) =>
        _byCode.TryGetValue(code, out var carrier)
            ? carrier
            : throw new Domain.Shared.DomainException("shipment.carrier_off", $"The carrier {code} is not switched on here.");
}
