using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Data;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Shared;
using RuralMarket.Grains.Catalog;
using RuralMarket.Web.Errors;
using RuralMarket.Web.Portal;
using CooperativeAggregate = RuralMarket.Domain.Cooperatives.Cooperative;

namespace RuralMarket.Web.ProductCsv;

/// <summary>One row that passed every check: a new product (no slug yet) or a change to one of the cooperative's products.</summary>
public sealed record PlannedRow(int Row, string? Slug, ProductDetails Input, int? Stock);

/// <summary>What an import would do, or why it cannot: a single problem anywhere means nothing is imported.</summary>
public sealed record ImportPlan(IReadOnlyList<PlannedRow> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public int NewProducts => Rows.Count(r => r.Slug is null);

    public int ChangedProducts => Rows.Count(r => r.Slug is not null);
}

/// <summary>
/// Checks a product CSV row by row with the same rules as the product form (every problem reported by row and
/// column), then applies the rows through each product's grain, a few at a time. Only a file without a single problem
/// is applied, so a row can fail then only when someone changed the product meanwhile; the rows before it stay applied.
/// A stock figure in the file is the stock to have: the difference is logged as a stock count by the importing person.
/// </summary>
public sealed class ProductCsvImport(RuralMarketDbContext db, IGrainFactory grains, TimeProvider clock)
{
    public async Task<ImportPlan> CheckAsync(Guid cooperativeId, IReadOnlyList<ProductCsvRow> rows, IReadOnlyList<CsvProblem> fileProblems,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var problems = fileProblems.ToList();
        var cooperative = await db.Cooperatives.AsNoTracking().SingleAsync(c => c.Id == cooperativeId, cancellationToken);
        // A file saved before the English columns existed (or without them) keeps each product's English text.
        var own = await db.Products.AsNoTracking().Where(p => p.CooperativeId == cooperativeId)
            .Select(p => new { p.Slug, p.EnglishName, p.EnglishDescription })
            .ToDictionaryAsync(p => p.Slug, p => new EnglishText(p.EnglishName, p.EnglishDescription), StringComparer.Ordinal, cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<PlannedRow>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var rowProblems = new List<CsvProblem>();
            var slug = row[ProductCsvColumns.Slug];
            if (slug.Length > 0 && !own.ContainsKey(slug))
            {
                rowProblems.Add(Problem(row, ProductCsvColumns.Slug, "csv.error.unknown_product", slug));
            }
            else if (slug.Length > 0 && !seen.Add(slug))
            {
                rowProblems.Add(Problem(row, ProductCsvColumns.Slug, "csv.error.repeated_product", slug));
            }
            var form = Form(row, cooperative, own.GetValueOrDefault(slug), rowProblems);
            var errors = new FormErrors();
            var input = form.Read(cooperative, errors);
            // One problem per cell: a cell the CSV reading already explained (an unknown category, say) is not reported twice.
            rowProblems.AddRange(errors.All.Select(e => Problem(row, e.Field, e.Key)).Where(p => rowProblems.All(known => known.Column != p.Column)).ToList());
            var stock = Stock(row, rowProblems);
            problems.AddRange(rowProblems);
            if (rowProblems.Count == 0 && input is not null)
            {
                planned.Add(new PlannedRow(row.Row, slug.Length > 0 ? slug : null, input, stock));
            }
            if (i % 100 == 99)
            {
                progress?.Report(i + 1);
            }
        }
        progress?.Report(rows.Count);
        return new ImportPlan(planned, problems);
    }

    /// <summary>Products written at once: each is its own grain, but SQLite writes one at a time (measured: 2, 4, 8, 16 → 26, 25, 27, 27 s for 10,000 rows).</summary>
    private const int ConcurrentRows = 4;

    /// <summary>Applies a plan without problems; returns the problem that stopped it, if any.</summary>
    public async Task<CsvProblem?> ApplyAsync(PortalCooperative who, ImportPlan plan, string fileName, CancellationToken cancellationToken)
    {
        var ids = await db.Products.AsNoTracking().Where(p => p.CooperativeId == who.Id)
            .ToDictionaryAsync(p => p.Slug, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var taken = (await db.Products.AsNoTracking().Select(p => p.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var slugs = plan.Rows.ToDictionary(r => r.Row, r => r.Slug ?? FreeSlugs.Next(r.Input.Listing.Name, taken));
        CsvProblem? stopped = null;
        await Parallel.ForEachAsync(plan.Rows, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentRows, CancellationToken = cancellationToken },
            async (row, _) =>
            {
                var slug = slugs[row.Row];
                var product = grains.GetGrain<IProductGrain>(ids.TryGetValue(slug, out var id) ? id : Guid.NewGuid());
                if (await Refusal.OfAsync(() => product.ImportAsync(who.Id, slug, row.Input, row.Stock, who.Actor)) is { } refusal)
                {
                    Interlocked.CompareExchange(ref stopped, new CsvProblem(row.Row, string.Empty, FormErrors.KeyOf(refusal.Code)), null);
                }
            });
        db.ActivityLog.Add(who.Activity("products.imported", $"{fileName}: {plan.NewProducts} + {plan.ChangedProducts}", clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return stopped;
    }

    private sealed record EnglishText(string Name, string Description);

    private static ProductForm Form(ProductCsvRow row, CooperativeAggregate cooperative, EnglishText? current, List<CsvProblem> problems)
    {
        var stars = row[nameof(ProductForm.Stars)];
        var form = new ProductForm
        {
            Name = row[nameof(ProductForm.Name)], Description = row[nameof(ProductForm.Description)], NetWeightGrams = row[nameof(ProductForm.NetWeightGrams)],
            Origin = row[nameof(ProductForm.Origin)], Harvest = row[nameof(ProductForm.Harvest)], Price = row[nameof(ProductForm.Price)],
            EnglishName = row.Cells.GetValueOrDefault(nameof(ProductForm.EnglishName)) ?? current?.Name,
            EnglishDescription = row.Cells.GetValueOrDefault(nameof(ProductForm.EnglishDescription)) ?? current?.Description,
            Certified = stars.Length > 0, Stars = stars, CertificateNumber = row[nameof(ProductForm.CertificateNumber)],
            // The file has no level column: it follows from the stars (any other stars fail on their own).
            Level = OcopCertificate.LevelFor(int.TryParse(stars, out var starCount) ? starCount : 0).ToString(),
            IssuedOn = row[nameof(ProductForm.IssuedOn)], ExpiresOn = row[nameof(ProductForm.ExpiresOn)],
            Category = ProductCsvColumns.Parse<ProductCategory>(row[nameof(ProductForm.Category)], ProductCsvColumns.NameOf)?.ToString() ?? string.Empty,
            Unit = ProductCsvColumns.Parse<SalesUnit>(row[nameof(ProductForm.Unit)], ProductCsvColumns.NameOf)?.ToString() ?? string.Empty,
            Shares = ProducerCell.Read(row[nameof(ProductForm.Shares)], cooperative, out var sharesProblem),
        };
        if (form.Category.Length == 0)
        {
            problems.Add(Problem(row, nameof(ProductForm.Category), "csv.error.category", string.Join(", ", Enum.GetValues<ProductCategory>().Select(ProductCsvColumns.NameOf))));
        }
        if (form.Unit.Length == 0)
        {
            problems.Add(Problem(row, nameof(ProductForm.Unit), "csv.error.unit", string.Join(", ", Enum.GetValues<SalesUnit>().Select(ProductCsvColumns.NameOf))));
        }
        if (sharesProblem is { } problem)
        {
            problems.Add(Problem(row, nameof(ProductForm.Shares), problem.Key, problem.Detail));
        }
        return form;
    }

    private static int? Stock(ProductCsvRow row, List<CsvProblem> problems)
    {
        var cell = row[ProductCsvColumns.Stock];
        if (cell.Length == 0)
        {
            return null;
        }
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var stock) && stock <= Product.MaxStock)
        {
            return stock;
        }
        problems.Add(Problem(row, ProductCsvColumns.Stock, "csv.error.stock"));
        return null;
    }

    private static CsvProblem Problem(ProductCsvRow row, string field, string key, string? detail = null) =>
        new(row.Row, ProductCsvColumns.All.FirstOrDefault(c => c.FormField == field)?.Header ?? string.Empty, key, detail);
}
