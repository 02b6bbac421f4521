using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>An operator reading the logs of a fresh start and ordinary browsing finds no warnings from EF Core to puzzle over.</summary>
public sealed class LogNoiseTests
{
    [Fact]
    public async Task Starting_with_the_seed_and_browsing_the_storefront_logs_no_ef_core_warning()
    {
        var logs = new LogCollector();
        await using var app = await RuralMarketApp.CreateAsync(services: services => services.AddSingleton<ILoggerProvider>(logs));
        var client = await app.ReadyClientAsync();

        foreach (var page in new[] { "/", "/search?q=mien", "/products/mien-dong-vi-huong", "/cooperatives/htx-nong-nghiep-vi-huong", "/cart" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }

        Assert.DoesNotContain(logs.Lines, w => w.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
