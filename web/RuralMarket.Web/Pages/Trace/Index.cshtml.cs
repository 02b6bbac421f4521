using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Data;
using RuralMarket.Domain.Shared;
using RuralMarket.Domain.Traceability;
using RuralMarket.Web.Traceability;

namespace RuralMarket.Web.Pages.Trace;

/// <summary>
/// The page a buyer reaches by scanning a label's or a sticker's QR: one batch, public, light. A code that is not a
/// batch's answers 404 with the same light page, asking the reader to check the sticker.
/// </summary>
public sealed class IndexModel(RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    public TraceRecord? Record { get; private set; }

    /// <summary>What was asked for, shown back when nothing was found (encoded, cut short).</summary>
    public string Asked { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (TraceCode.Read(code) is { } read)
        {
            Record = await TraceRecord.OfAsync(db, read, VietnamCalendar.Today(clock), cancellationToken);
        }
        if (Record is null)
        {
            Asked = code.Length > TraceCode.Length * 2 ? code[..(TraceCode.Length * 2)] + "…" : code;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
