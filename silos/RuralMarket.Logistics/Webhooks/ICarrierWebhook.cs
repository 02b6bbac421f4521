using RuralMarket.Domain.Logistics;

namespace RuralMarket.Logistics.Webhooks;

/// <summary>
/// Reads one carrier's webhook body into the steps it reports. Reading is pure: storing the body, checking the
/// partner's secret and applying the steps are the web host's.
/// </summary>
public interface ICarrierWebhook
{
    /// <summary>The carrier code, as in <c>/webhooks/{carrier}/…</c> and <c>postal_partners.carrier</c>.</summary>
    string Carrier { get; }

    /// <summary>The steps in the body, and the secret the body itself carries (Viettel Post's <c>TOKEN</c>), if any.</summary>
    /// <exception cref="MalformedWebhookException">The body is not what the carrier sends.</exception>
    CarrierWebhookMessage Read(string body);
}

/// <summary>What one webhook call said: usually one step of one parcel.</summary>
public sealed record CarrierWebhookMessage(IReadOnlyList<WaybillStep> Steps, string? BodySecret);

/// <summary>A step of the parcel with this waybill; a null report is a carrier's note that moves nothing (a fee update).</summary>
public sealed record WaybillStep(string Waybill, ShipmentReport? Report);

public sealed class MalformedWebhookException(string carrier, string problem, Exception? inner = null)
    : Exception($"{carrier} webhook: {problem}", inner)
{
    public string Problem { get; } = problem;
}
