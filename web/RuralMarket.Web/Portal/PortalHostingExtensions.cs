using RuralMarket.Logistics;
using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Portal;

public static class PortalHostingExtensions
{
    /// <summary>What the portals' pages use besides the database: sales figures, product CSV import/export, COD reconciliation, parcel labels, the carriers' webhook readers.</summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SalesReports>();
        builder.Services.AddScoped<TeamInvitations>();
        builder.Services.AddScoped<Logistics.CodReconciliation>();
        builder.Services.AddScoped<Logistics.ParcelLabelFiles>();
        builder.Services.AddParcelLabels();
        builder.Services.AddCarriers();
        builder.Services.AddScoped<ProductCsvImport>();
        builder.Services.AddScoped<ProductCsvExport>();
        builder.Services.AddSingleton<ProductImportJobs>();
        return builder;
    }
}
