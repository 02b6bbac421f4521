using System.Collections.Concurrent;
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
        var logs = new WarningCollector();
        await using var app = await RuralMarketApp.CreateAsync(services: services => services.AddSingleton<ILoggerProvider>(logs));
        var client = await app.ReadyClientAsync();

        foreach (var page in new[] { "/", "/search?q=mien", "/products/mien-dong-vi-huong", "/cooperatives/htx-nong-nghiep-vi-huong", "/cart" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }

        Assert.DoesNotContain(logs.Warnings, w => w.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    private sealed class WarningCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    warnings.Enqueue($"{category} {eventId.Name}: {formatter(state, exception)}");
                }
            }
        }
    }
}
