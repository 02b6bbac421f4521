using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Logistics.Partner;

namespace RuralMarket.Logistics;

public static class LogisticsHostingExtensions
{
    /// <summary>The carrier port and the adapters configuration switches on; the platform's own partners are always on.</summary>
    public static IServiceCollection AddCarriers(this IServiceCollection services)
    {
        services.AddSingleton<ICarrier, PortalCarrier>();
        services.AddSingleton<Carriers>();
        return services;
    }
}
