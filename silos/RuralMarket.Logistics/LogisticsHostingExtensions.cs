using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Logistics.Ghn;
using RuralMarket.Logistics.Labels;
using RuralMarket.Logistics.Partner;
using RuralMarket.Logistics.Quotes;
using RuralMarket.Logistics.ViettelPost;
using RuralMarket.Logistics.VnPost;
using RuralMarket.Logistics.Webhooks;

namespace RuralMarket.Logistics;

public static class LogisticsHostingExtensions
{
    /// <summary>
    /// The carrier port, the adapters (each off until its section says <c>Enabled</c>, and then refusing to start
    /// without its credentials), checkout quotes, and every carrier's webhook reader. The platform's own partners are always on.
    /// </summary>
    public static IServiceCollection AddCarriers(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(Carriers)))
        {
            return services;
        }
        services.AddSingleton<ICarrier, PortalCarrier>();
        services.AddCarrier<GhnCarrier, GhnOptions>(GhnOptions.Section, GhnCarrier.HttpClientName, o => o.Enabled, o => o.IsComplete, (o, client) =>
        {
            client.BaseAddress = o.BaseUrl;
            client.DefaultRequestHeaders.Add("Token", o.Token);
            client.DefaultRequestHeaders.Add("ShopId", o.ShopId);
        });
        services.AddCarrier<ViettelPostCarrier, ViettelPostOptions>(ViettelPostOptions.Section, ViettelPostCarrier.HttpClientName, o => o.Enabled,
            o => o.IsComplete, (o, client) =>
            {
                client.BaseAddress = o.BaseUrl;
                client.DefaultRequestHeaders.Add("Token", o.Token);
            });
        services.AddCarrier<VnPostCarrier, VnPostOptions>(VnPostOptions.Section, VnPostCarrier.HttpClientName, o => o.Enabled, o => o.IsComplete,
            (o, client) =>
            {
                client.BaseAddress = o.BaseUrl;
                client.DefaultRequestHeaders.Add("h-token", o.Token);
            });
        services.AddSingleton<Carriers>();
        services.AddOptions<CarrierQuoteOptions>().BindConfiguration(CarrierQuoteOptions.Section).ValidateDataAnnotations()
            .Validate<Carriers>((o, carriers) => o.Carrier.Length == 0 || carriers.Codes.Contains(o.Carrier),
                $"{CarrierQuoteOptions.Section}:Carrier names a carrier that is not switched on.")
            .ValidateOnStart();
        services.AddSingleton<CarrierQuotes>();
        services.AddSingleton<ICarrierWebhook, GhnWebhook>();
        services.AddSingleton<ICarrierWebhook, ViettelPostWebhook>();
        return services;
    }

    private static void AddCarrier<TCarrier, TOptions>(this IServiceCollection services, string section, string clientName,
        Func<TOptions, bool> enabled, Func<TOptions, bool> complete, Action<TOptions, HttpClient> configure)
        where TCarrier : class, ICarrier
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(section)
            .Validate(o => !enabled(o) || complete(o), $"{section} is switched on but its base URL or credentials are missing.").ValidateOnStart();
        services.AddHttpClient(clientName, (sp, client) =>
        {
            configure(sp.GetRequiredService<IOptions<TOptions>>().Value, client);
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton<ICarrier, TCarrier>();
    }

    /// <summary>Parcel labels, pickup sheets and batch stickers, with their fonts from <c>Labels:FontDirectory</c>.</summary>
    public static IServiceCollection AddParcelLabels(this IServiceCollection services)
    {
        services.AddOptions<LabelOptions>().BindConfiguration(LabelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ParcelLabels(sp.GetRequiredService<IOptions<LabelOptions>>().Value));
        services.AddSingleton(sp => new TraceStickers(sp.GetRequiredService<IOptions<LabelOptions>>().Value));
        return services;
    }
}
