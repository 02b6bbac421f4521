using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using RuralMarket.Data;
using RuralMarket.Web.Tests.Journey;

namespace RuralMarket.Web.Tests.Hosting;

/// <summary>
/// With telemetry on, one checkout is one trace: the page, the grain calls it makes (checkout, products, orders)
/// and the database commands below both; and the checkout meter counts it. Run on PostgreSQL, whose driver
/// (Npgsql) reports its commands.
/// </summary>
public sealed class TelemetryTests : IUsesPostgres
{
    [ServiceFact]
    public async Task A_checkout_is_one_trace_from_the_page_through_the_grains_to_the_database_and_is_counted()
    {
        var spans = new ExportedSpans();
        await using var app = await RuralMarketApp.CreateAsync(DatabaseKind.Postgres,
            overrides: new Dictionary<string, string?> { ["Telemetry:Enabled"] = "true" },
            services: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        var client = await app.ReadyClientAsync();
        using var placed = new CheckoutCounter(app.Services.GetRequiredService<IMeterFactory>());
        Guid productId;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<RuralMarketDbContext>>().CreateDbContext())
        {
            productId = await db.Products.Where(p => p.Slug == "mien-dong-vi-huong").Select(p => p.Id).SingleAsync();
        }
        await client.PostFormAsync("/products/mien-dong-vi-huong", "/cart?handler=Add", ("productId", productId.ToString()), ("quantity", "2"));

        // Our own trace id, as an upstream proxy would send it: other tests' checkouts in this process are other traces.
        var traceId = ActivityTraceId.CreateRandom();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var checkout = await client.PostFormAsync("/checkout", "/checkout",
            ("Form.Name", "Nguyễn Thị Lan"), ("Form.Phone", "0912 345 678"), ("Form.Email", ""), ("Form.ProvinceCode", "HN"),
            ("Form.Commune", "Phường Ba Đình"), ("Form.Street", "12 Phan Đình Phùng"));

        Assert.Equal(HttpStatusCode.OK, checkout.StatusCode);
        Assert.StartsWith("/checkout/confirmation", checkout.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal); // redirected there
        await EventuallyAsync(() => spans.Snapshot().SingleOrDefault(s => s.TraceId == traceId
            && s.Kind == ActivityKind.Server && s.GetTagItem("http.request.method") as string == "POST" && s.GetTagItem("url.path") as string == "/checkout"));
        var trace = spans.Snapshot().Where(s => s.TraceId == traceId).ToList();
        var grainCalls = trace.Where(s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)).Select(s => s.DisplayName).ToList();
        Assert.Contains(grainCalls, name => name.Contains("CheckoutGrain", StringComparison.Ordinal));
        Assert.Contains(grainCalls, name => name.Contains("ProductGrain", StringComparison.Ordinal));
        Assert.Contains(grainCalls, name => name.Contains("OrderGrain", StringComparison.Ordinal));
        var commands = trace.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(commands);
        Assert.Contains(commands, command => IsBelow(command, trace, "OrderGrain")); // the order's row is written inside its grain call
        Assert.Equal(1, placed.Count);
    }

    private static bool IsBelow(Activity span, List<Activity> trace, string grain)
    {
        var byId = trace.ToDictionary(s => s.SpanId);
        for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var above); parent = above.ParentSpanId)
        {
            if (above.DisplayName.Contains(grain, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The in-memory exporter adds from the batch processor's thread while the test reads: both sides take the lock.</summary>
    private sealed class ExportedSpans : System.Collections.ObjectModel.Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }

    /// <summary>The server span ends just after the response is sent, so it may reach the exporter a moment later.</summary>
    private static async Task<Activity> EventuallyAsync(Func<Activity?> find)
    {
        for (var waited = 0; waited < 5_000; waited += 50)
        {
            if (find() is { } found)
            {
                return found;
            }
            await Task.Delay(50);
        }
        return find() ?? throw new TimeoutException("The checkout's server span never reached the exporter.");
    }

    /// <summary>Listens to the checkout meter of this app only (its meter factory), so other tests' checkouts do not count.</summary>
    private sealed class CheckoutCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public CheckoutCounter(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == scope && instrument.Name == "ruralmarket.checkout.placed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>Without an OTLP endpoint (or <c>Telemetry:Enabled</c>) nothing collects: no tracer or meter provider exists to listen.</summary>
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task By_default_no_telemetry_is_collected()
    {
        await using var app = await RuralMarketApp.CreateAsync();
        await app.ReadyClientAsync();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
