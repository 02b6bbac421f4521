using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RuralMarket.Web.Portal;
using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Pages.Portal.Cooperative;

/// <summary>
/// Upload a product CSV to check it (a dry run listing every problem by row and column) or to import it (all rows
/// or none). The work runs in the background; while it runs this page refreshes itself to show progress, no script needed.
/// </summary>
public sealed class ImportProductsModel(ProductImportJobs jobs) : PortalPageModel
{
    [FromQuery(Name = "job")]
    public Guid? JobId { get; set; }

    public ImportJob? Job { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
        Job = JobId is { } id ? jobs.Find(id, Cooperative.Id) : null;
        if (JobId is not null && Job is null)
        {
            Error = "csv.error.job_not_found";
        }
        if (Job is { Stage: not ImportStage.Done })
        {
            ViewData["RefreshSeconds"] = 1;
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Problem("csv.error.no_file");
        }
        if (file.Length > ProductImportJobs.MaxBytes)
        {
            return Problem("csv.error.too_large");
        }
        var content = new byte[file.Length];
        await using (var upload = file.OpenReadStream())
        {
            await upload.ReadExactlyAsync(content, cancellationToken);
        }
        var (job, refusal) = jobs.Start(Cooperative, Path.GetFileName(file.FileName), content, import: mode == "import");
        return job is null
            ? Problem(refusal!, StatusCodes.Status429TooManyRequests)
            : Redirect($"/portal/{Cooperative.Slug}/products/import?job={job.Id}");
    }

    private PageResult Problem(string key, int status = StatusCodes.Status400BadRequest)
    {
        Error = key;
        Response.StatusCode = status;
        return Page();
    }
}
