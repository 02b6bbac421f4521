using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Data.Logistics;
using RuralMarket.Domain.Logistics;

namespace RuralMarket.Web.Pages.Admin;

/// <summary>
/// What the carriers said that nothing applied: statuses no carrier table lists (kept on the parcel, flagged here so
/// someone adds them to the table) and webhook calls that could not be read, named a waybill we do not have, or were refused.
/// </summary>
public sealed class WebhooksModel(RuralMarketDbContext db) : PageModel
{
    public const int Shown = 100;
    public const int BodyExcerpt = 300;

    public IReadOnlyList<UnlistedStatus> Statuses { get; private set; } = [];

    public IReadOnlyList<WebhookCallRow> Calls { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Statuses = await db.Shipments.AsNoTracking()
            .SelectMany(s => s.Events.Where(e => e.Outcome == ReportOutcome.Unrecognised), (s, e) => new { s.Carrier, s.Waybill, s.OrderCode, e.CarrierStatus, e.OccurredAt })
            .OrderByDescending(e => e.OccurredAt).Take(Shown)
            .Select(e => new UnlistedStatus(e.Carrier, e.Waybill, e.OrderCode, e.CarrierStatus, e.OccurredAt)).ToListAsync(cancellationToken);
        Calls = await (from call in db.CarrierWebhooks.AsNoTracking()
                       join partner in db.PostalPartners.AsNoTracking() on call.PartnerId equals partner.Id
                       where WebhookOutcome.NeedAttention.Contains(call.Outcome)
                       orderby call.ReceivedAt descending
                       select new WebhookCallRow(call.Id, call.ReceivedAt, call.Carrier, partner.Name, call.Outcome, call.Detail,
                           call.Body.Substring(0, BodyExcerpt)))
            .Take(Shown).ToListAsync(cancellationToken);
    }
}

public sealed record UnlistedStatus(string Carrier, string Waybill, string OrderCode, string CarrierStatus, DateTimeOffset OccurredAt);

public sealed record WebhookCallRow(long Id, DateTimeOffset ReceivedAt, string Carrier, string Partner, string Outcome, string Detail, string Excerpt);
