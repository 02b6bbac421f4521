using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Silo.Orders;
using RuralMarket.Silo.Outbox;

namespace RuralMarket.Silo;

public static class SiloHostingExtensions
{
    /// <summary>
    /// The outbox relay and scheduled jobs. Always registered, so handlers can be resolved and tested;
    /// the loops only run where <c>Silo:Enabled</c> is true (default), so web pods in the scale-out set it false.
    /// </summary>
    public static IHostApplicationBuilder AddSiloServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxRelay>();
        if (builder.Configuration.GetValue(SiloOptions.Section + ":" + nameof(SiloOptions.Enabled), true))
        {
            builder.Services.AddHostedService<OutboxRelayService>();
            builder.Services.AddHostedService<ReservationExpiryService>();
        }
        return builder;
    }
}
