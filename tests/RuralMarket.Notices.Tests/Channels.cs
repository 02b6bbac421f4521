using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Notices.Tests;

/// <summary>The channels as the app registers them, from settings such as the fakes give.</summary>
internal static class Channels
{
    public static NoticeChannels From(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddNoticeChannels().BuildServiceProvider()
            .GetRequiredService<NoticeChannels>();
    }
}
