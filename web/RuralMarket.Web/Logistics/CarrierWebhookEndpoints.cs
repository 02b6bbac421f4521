using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RuralMarket.Data;
using RuralMarket.Data.Logistics;
using RuralMarket.Domain.Logistics;
using RuralMarket.Grains.Logistics;
using RuralMarket.Logistics.Webhooks;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Hosting;
using RuralMarket.Web.Partner;

namespace RuralMarket.Web.Logistics;

/// <summary>
/// Carriers' status callbacks at <c>/webhooks/{carrier}/{partner}</c>, each partner with its own secret: in the
/// path (<c>…/{partner}/{secret}</c>, for GHN, whose settings take only a URL), in the <c>X-Webhook-Secret</c>
/// header, or as the body's own <c>TOKEN</c> (Viettel Post). A call with the wrong secret is answered 401 and kept
/// nowhere; every other call is stored as it came before it is applied: a body we cannot read is answered 400, a
/// waybill we do not know 200 (so the carrier stops resending), and a step sent again is applied once.
/// </summary>
public static class CarrierWebhookEndpoints
{
    public const string SecretHeader = "X-Webhook-Secret";

    public static IEndpointRouteBuilder MapCarrierWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous().DisableAntiforgery();
        webhooks.MapPost("/{carrier}/{partner}", ReceiveAsync).WithName("CarrierWebhook");
        webhooks.MapPost("/{carrier}/{partner}/{secret}", ReceiveAsync).WithName("CarrierWebhookWithSecret");
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string carrier, string partner, string? secret, HttpRequest request,
        IEnumerable<ICarrierWebhook> readers, RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock,
        IStringLocalizer<SharedResource> text, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(CarrierWebhookEndpoints));
        var reader = readers.FirstOrDefault(r => r.Carrier == carrier);
        var owner = reader is null ? null : await db.PostalPartners.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Slug == partner && p.Carrier == carrier && p.Active, cancellationToken);
        if (reader is null || owner is null)
        {
            return Problem(text, StatusCodes.Status404NotFound, "webhook.unknown_partner");
        }
        if (await WebhookBody.ReadAsync(request, CarrierWebhookCall.MaxBodyLength, cancellationToken) is not { } body)
        {
            return Problem(text, StatusCodes.Status413PayloadTooLarge, "webhook.too_large");
        }
        CarrierWebhookMessage? message = null;
        string? malformed = null;
        try
        {
            message = reader.Read(body);
        }
        catch (MalformedWebhookException e)
        {
            malformed = e.Problem;
        }
        var offered = secret ?? request.Headers[SecretHeader].FirstOrDefault() ?? message?.BodySecret;
        if (!SecretMatches(owner, offered))
        {
            log.LogWarning("A {Carrier} webhook for partner {Partner} came with a missing or wrong secret; ignored", carrier, owner.Slug);
            return Problem(text, StatusCodes.Status401Unauthorized, "webhook.secret");
        }

        var call = new CarrierWebhookCall(owner.Id, carrier, body, clock.GetUtcNow());
        db.CarrierWebhooks.Add(call);
        if (message is null)
        {
            call.Settle(WebhookOutcome.Malformed, malformed ?? string.Empty);
            await db.SaveChangesAsync(cancellationToken);
            log.LogWarning("A {Carrier} webhook for partner {Partner} could not be read ({Problem}); kept as call {Call}", carrier, owner.Slug, malformed, call.Id);
            return Problem(text, StatusCodes.Status400BadRequest, "webhook.malformed");
        }
        await db.SaveChangesAsync(cancellationToken); // kept before anything is applied

        var outcomes = new List<(string Outcome, string Detail)>();
        foreach (var step in message.Steps)
        {
            outcomes.Add(await ApplyAsync(step, owner.Id, carrier, db, grains, cancellationToken));
        }
        var outcome = outcomes.Select(o => o.Outcome).FirstOrDefault(WebhookOutcome.NeedAttention.Contains)
            ?? outcomes.Select(o => o.Outcome).FirstOrDefault() ?? WebhookOutcome.Note;
        var detail = string.Join("; ", outcomes.Select(o => o.Detail));
        call.Settle(outcome, detail);
        await db.SaveChangesAsync(CancellationToken.None);
        if (outcome == WebhookOutcome.UnknownWaybill)
        {
            log.LogWarning("A {Carrier} webhook for partner {Partner} names a waybill we do not have: {Detail}", carrier, owner.Slug, detail);
        }
        return TypedResults.Ok(new WebhookAnswer(outcome));
    }

    private static async Task<(string Outcome, string Detail)> ApplyAsync(WaybillStep step, Guid partnerId, string carrier, RuralMarketDbContext db,
        IGrainFactory grains, CancellationToken cancellationToken)
    {
        var shipmentId = await db.Shipments.AsNoTracking().Where(s => s.Carrier == carrier && s.Waybill == step.Waybill && s.PartnerId == partnerId)
            .Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken);
        if (shipmentId is not { } id)
        {
            return (WebhookOutcome.UnknownWaybill, step.Waybill);
        }
        if (step.Report is not { } report)
        {
            return (WebhookOutcome.Note, step.Waybill);
        }
        ReportReceipt? receipt = null;
        if (await Refusal.OfAsync(async () => receipt = await grains.GetGrain<IShipmentGrain>(id).ReportAsync(report)) is { } refusal)
        {
            return (WebhookOutcome.Refused, $"{step.Waybill} {report.CarrierStatus}: {refusal.Code}");
        }
        return (receipt!.Outcome switch
        {
            ReportOutcome.Applied => WebhookOutcome.Applied,
            ReportOutcome.Duplicate => WebhookOutcome.Duplicate,
            ReportOutcome.OutOfOrder => WebhookOutcome.OutOfOrder,
            _ => WebhookOutcome.Unrecognised,
        }, $"{step.Waybill} {report.CarrierStatus}");
    }

    private static bool SecretMatches(PostalPartner partner, string? offered) =>
        partner.WebhookSecretHash.Length > 0 && offered is { Length: > 0 and <= 200 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(PartnerApiKeys.Hash(offered)), Encoding.ASCII.GetBytes(partner.WebhookSecretHash));

    private static IResult Problem(IStringLocalizer text, int status, string code) => TypedResults.Problem(ApiProblems.Create(text, status, code));
}

/// <summary>What the call became: <c>applied</c>, <c>duplicate</c>, <c>out_of_order</c>, <c>unrecognised</c>, <c>unknown_waybill</c>, <c>note</c> or <c>refused</c>.</summary>
public sealed record WebhookAnswer(string Outcome);
