using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Data.Hosting;

namespace RuralMarket.Seed;

public static class SeedHostingExtensions
{
    /// <summary>Whether to load the illustrative catalogue.</summary>
    public const string CatalogueKey = "Seed:Catalogue";

    /// <summary>
    /// Provinces are always loaded. The illustrative catalogue only where <c>Seed:Catalogue</c> is true
    /// (the embedded default's appsettings; never set it in production).
    /// </summary>
    public static IHostApplicationBuilder AddSeedData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDatabaseInitializer, AdministrativeUnitsLoader>();
        if (builder.Configuration.GetValue(CatalogueKey, false))
        {
            builder.Services.AddScoped<IDatabaseInitializer, CatalogueLoader>();
            builder.Services.AddScoped<IDatabaseInitializer, PostalPartnersLoader>();
        }
        return builder;
    }
}
