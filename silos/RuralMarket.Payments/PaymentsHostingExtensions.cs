using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Shared;
using RuralMarket.Payments.BankFeeds;
using RuralMarket.Payments.BankFeeds.Casso;
using RuralMarket.Payments.BankFeeds.PayOs;
using RuralMarket.Payments.BankFeeds.SePay;
using RuralMarket.Payments.Cards;
using RuralMarket.Payments.VietQr;

namespace RuralMarket.Payments;

public static class PaymentsHostingExtensions
{
    /// <summary>VietQR transfer requests, off until <c>Payments:VietQr:Enabled</c>, and refusing to start with a malformed account.</summary>
    public static IServiceCollection AddVietQr(this IServiceCollection services)
    {
        services.AddOptions<VietQrOptions>().BindConfiguration(VietQrOptions.Section)
            .Validate(o => !o.Enabled || IsValidAccount(o),
                $"{VietQrOptions.Section} is switched on but Bin (six digits), AccountNumber, AccountHolder or BankName is missing or malformed.")
            .ValidateOnStart();
        services.AddSingleton<VietQrRequests>();
        return services;
    }

    /// <summary>The bank-feed webhooks' providers, each off until its section says <c>Enabled</c> (and then needing its key).</summary>
    public static IServiceCollection AddBankFeeds(this IServiceCollection services)
    {
        services.AddOptions<SePayOptions>().BindConfiguration(SePayOptions.Section)
            .Validate(o => !o.Enabled || o.ApiKey.Length >= 16 || o.HmacSecret.Length >= 16,
                $"{SePayOptions.Section} is switched on without an HmacSecret or ApiKey of at least 16 characters.")
            .ValidateOnStart();
        services.AddOptions<CassoOptions>().BindConfiguration(CassoOptions.Section)
            .Validate(o => !o.Enabled || o.ChecksumKey.Length >= 16, $"{CassoOptions.Section} is switched on without a ChecksumKey of at least 16 characters.")
            .ValidateOnStart();
        services.AddOptions<PayOsOptions>().BindConfiguration(PayOsOptions.Section)
            .Validate(o => !o.Enabled || o.ChecksumKey.Length >= 16, $"{PayOsOptions.Section} is switched on without a ChecksumKey of at least 16 characters.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IBankFeed, SePayFeed>();
        services.AddSingleton<IBankFeed, CassoFeed>();
        services.AddSingleton<IBankFeed, PayOsFeed>();
        return services;
    }

    /// <summary>Card payments through Stripe, offered when <c>Stripe:SecretKey</c> and <c>Stripe:WebhookSecret</c> are both set.</summary>
    public static IServiceCollection AddCardPayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CardCheckouts>();
        services.AddSingleton<CardRefunds>();
        return services;
    }

    private static bool IsValidAccount(VietQrOptions o)
    {
        try
        {
            _ = new VietQrAccount(o.Bin, o.AccountNumber, o.AccountHolder, o.BankName);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
