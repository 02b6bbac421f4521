using RuralMarket.Web.ProductCsv;

namespace RuralMarket.Web.Portal;

public static class PortalHostingExtensions
{
    /// <summary>What the cooperative portal's pages use besides the database: sales figures and product CSV import/export.</summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SalesReports>();
        builder.Services.AddScoped<TeamInvitations>();
        builder.Services.AddScoped<Logistics.CodReconciliation>();
        builder.Services.AddScoped<ProductCsvImport>();
        builder.Services.AddScoped<ProductCsvExport>();
        builder.Services.AddSingleton<ProductImportJobs>();
        return builder;
    }
}
