using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RuralMarket.Grains.Hosting;
using RuralMarket.Notices;
using RuralMarket.Silo.Notices;
using RuralMarket.Silo.Orders;
using RuralMarket.Silo.Outbox;
using RuralMarket.Silo.Payments;

namespace RuralMarket.Silo;

public static class SiloHostingExtensions
{
    /// <summary>
    /// The grains' silo (<see cref="Grains.Hosting.SiloHostingExtensions.AddGrainSilo"/>), the outbox relay with the ledger's and the notices' handlers, and the slow sweep. Always registered, so handlers can be resolved and tested;
    /// the loops only run where <c>Silo:Enabled</c> is true (default), so web pods in the scale-out set it false.
    /// </summary>
    public static IHostApplicationBuilder AddSiloServices(this IHostApplicationBuilder builder)
    {
        builder.AddGrainSilo();
        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddMetrics().AddSingleton<OutboxMetrics>();
        builder.Services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Ledger>();
        builder.Services.AddSingleton<IOutboxHandler, LedgerPostingHandler>();
        builder.Services.AddSingleton<IOutboxHandler, RemittancePostingHandler>();
        builder.Services.AddSingleton<IOutboxHandler, RefundPostingHandler>();
        builder.Services.AddSingleton<IOutboxHandler, PayoutPostingHandler>();
        builder.Services.AddNoticeChannels();
        builder.Services.AddSingleton<NoticePlanner>();
        builder.Services.AddSingleton<NoticeSender>();
        builder.Services.AddSingleton<IOutboxHandler, NoticeHandler>();
        if (builder.Configuration.GetValue(SiloOptions.Section + ":" + nameof(SiloOptions.Enabled), true))
        {
            builder.Services.AddHostedService<OutboxRelayService>();
            builder.Services.AddHostedService<OverdueWorkSweep>();
            builder.Services.AddSingleton<Logistics.CarrierPoll>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<Logistics.CarrierPoll>());
            builder.Services.AddSingleton<PayoutSchedule>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PayoutSchedule>());
            builder.Services.AddSingleton<NoticeRelay>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<NoticeRelay>());
        }
        return builder;
    }
}
