namespace RuralMarket.Data.Logistics;

/// <summary>
/// One call a carrier made to <c>/webhooks/{carrier}/…</c>, kept as it arrived before anything is applied, so a body
/// we could not read, a waybill we do not know or a status no table lists can be looked at later.
/// </summary>
public sealed class CarrierWebhookCall
{
    public const int MaxBodyLength = 65_536;

    private CarrierWebhookCall()
    {
        Carrier = Body = Outcome = Detail = string.Empty;
    }

    public CarrierWebhookCall(Guid partnerId, string carrier, string body, DateTimeOffset receivedAt)
    {
        PartnerId = partnerId;
        Carrier = carrier;
        Body = body;
        ReceivedAt = receivedAt;
        Outcome = WebhookOutcome.Received;
        Detail = string.Empty;
    }

    public long Id { get; private set; }

    public Guid PartnerId { get; private set; }

    public string Carrier { get; private set; }

    public string Body { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>One of <see cref="WebhookOutcome"/>'s values.</summary>
    public string Outcome { get; private set; }

    public string Detail { get; private set; }

    public void Settle(string outcome, string detail) => (Outcome, Detail) = (outcome, detail.Length > 300 ? detail[..300] : detail);
}

/// <summary>What became of a webhook call, as <c>carrier_webhooks.outcome</c> keeps it.</summary>
public static class WebhookOutcome
{
    public const string Received = "received";
    public const string Applied = "applied";
    public const string Duplicate = "duplicate";
    public const string Note = "note";
    public const string OutOfOrder = "out_of_order";
    public const string Unrecognised = "unrecognised";
    public const string UnknownWaybill = "unknown_waybill";
    public const string Refused = "refused";
    public const string Malformed = "malformed";

    /// <summary>The outcomes an admin should look at.</summary>
    public static readonly string[] NeedAttention = [Unrecognised, UnknownWaybill, Refused, Malformed];
}
