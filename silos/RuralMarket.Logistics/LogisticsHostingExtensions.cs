using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Logistics.Labels;
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

    /// <summary>Parcel labels and pickup sheets, with their fonts from <c>Labels:FontDirectory</c>.</summary>
    public static IServiceCollection AddParcelLabels(this IServiceCollection services)
    {
        services.AddOptions<LabelOptions>().BindConfiguration(LabelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ParcelLabels(sp.GetRequiredService<IOptions<LabelOptions>>().Value));
        return services;
    }
}
