using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Logistics;
using RuralMarket.Grains.Logistics;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Logistics;
using RuralMarket.Web.Partner;

namespace RuralMarket.Web.Pages.Partner;

/// <summary>
/// Handing over the cash collected (nộp tiền thu hộ): a batch typed in, prefilled with the delivered parcels not yet
/// remitted, or a carrier's report file; then how this partner's cash stands, mismatches first.
/// </summary>
public sealed class RemittancesModel(RuralMarketDbContext db, IGrainFactory grains, CodReconciliation reconciliation, TimeProvider clock)
    : PartnerPageModel
{
    public const int MaxReferenceLength = 60;

    public CodReport Report { get; private set; } = new([]);

    public IReadOnlyList<Remittance> Recent { get; private set; } = [];

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public DateOnly? RemittedOn { get; set; }

    [BindProperty]
    public string? Lines { get; set; }

    [BindProperty]
    public IFormFile? ReportFile { get; set; }

    public IReadOnlyList<(int Line, string Error)> Problems { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        RemittedOn = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Lines = string.Join('\n', Report.Items.Where(i => i.Awaiting || i.Mismatches.SequenceEqual([CodMismatch.Missing]))
            .Select(i => $"{i.Waybill};{i.Collected.Dong.ToString(CultureInfo.InvariantCulture)};0"));
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken cancellationToken)
    {
        var reference = (Reference ?? string.Empty).Trim().Normalize();
        if (reference.Length is 0 or > MaxReferenceLength)
        {
            return await ProblemAsync("partner.remit.reference_required", cancellationToken);
        }
        if (RemittedOn is not { } day)
        {
            return await ProblemAsync("partner.remit.date_required", cancellationToken);
        }
        var text = Lines ?? string.Empty;
        if (ReportFile is { Length: > 0 } file)
        {
            if (file.Length > RemittanceText.MaxBytes)
            {
                return await ProblemAsync("partner.remit.file_too_large", cancellationToken);
            }
            using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true));
            try
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return await ProblemAsync("partner.remit.file_not_text", cancellationToken);
            }
        }
        var (lines, problems) = RemittanceText.Parse(text);
        if (problems.Count > 0 || lines.Count == 0)
        {
            Problems = problems;
            return await ProblemAsync(lines.Count == 0 && problems.Count == 0 ? "partner.remit.no_lines" : "partner.remit.lines_wrong", cancellationToken);
        }
        RemittanceReceipt? receipt = null;
        var report = new RemittanceReport(Partner.Id, reference, day, ReportSource.PartnerPortal, lines);
        if (await Refusal.OfAsync(async () => receipt = await grains.GetGrain<IRemittanceGrain>(IRemittanceGrain.IdOf(Partner.Id, reference)).RecordAsync(report)) is { } refusal)
        {
            return await ProblemAsync($"error.{refusal.Code}", cancellationToken);
        }
        Done = receipt!.AlreadyRecorded ? "partner.remit.already" : "partner.remit.recorded";
        return Redirect($"/partner/{Partner.Slug}/remittances");
    }

    private async Task<IActionResult> ProblemAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Report = await reconciliation.ReportAsync(Partner.Id, cancellationToken);
        Recent = await db.Remittances.AsNoTracking().Where(r => r.PartnerId == Partner.Id)
            .OrderByDescending(r => r.RecordedAt).Take(20).ToListAsync(cancellationToken);
    }
}
