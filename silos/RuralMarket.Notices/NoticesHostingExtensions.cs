using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Notices.Email;
using RuralMarket.Notices.Sms;
using RuralMarket.Notices.Zalo;

namespace RuralMarket.Notices;

public static class NoticesHostingExtensions
{
    /// <summary>The notices port with its channels, in the order they are preferred; each off until its section says <c>Enabled</c>, and then refusing to start without its credentials.</summary>
    public static IServiceCollection AddNoticeChannels(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(NoticeChannels)))
        {
            return services;
        }
        services.AddOptions<NoticesOptions>().BindConfiguration(NoticesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ZaloOptions>().BindConfiguration(ZaloOptions.Section)
            .Validate(o => !o.Enabled || o.IsComplete, $"{ZaloOptions.Section} is switched on without an AccessToken or any Templates.").ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section)
            .Validate(o => !o.Enabled || o.IsComplete, $"{SmsOptions.Section} is switched on without ApiKey, SecretKey or a Brandname of at most 11 characters.").ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => !o.Enabled || o.IsComplete, $"{EmailOptions.Section} is switched on without a Host, a Port or a From address.").ValidateOnStart();
        services.AddHttpClient(ZaloNotices.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptions<ZaloOptions>>().Value.BaseUrl;
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddHttpClient(BrandnameSms.HttpClientName, (sp, client) =>
        {
            client.BaseAddress = sp.GetRequiredService<IOptions<SmsOptions>>().Value.BaseUrl;
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        services.AddSingleton<INoticeChannel, ZaloNotices>();
        services.AddSingleton<INoticeChannel, BrandnameSms>();
        services.AddSingleton<INoticeChannel, EmailNotices>();
        services.AddSingleton<NoticeChannels>();
        return services;
    }
}
