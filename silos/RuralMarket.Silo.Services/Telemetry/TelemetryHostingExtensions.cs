using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace RuralMarket.Silo.Telemetry;

public static class TelemetryHostingExtensions
{
    /// <summary>The standard OpenTelemetry variable; when set, traces and metrics are exported there over OTLP.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Collects without an exporter of ours, for one added in code (the tests' in-memory one).</summary>
    public const string EnabledKey = "Telemetry:Enabled";

    /// <summary>Our meters and activity sources: one per capability, all named <c>RuralMarket.*</c>.</summary>
    public const string OwnSources = "RuralMarket.*";

    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage"];

    /// <summary>
    /// Traces and metrics: ASP.NET Core, HttpClient, Npgsql, Orleans (grain calls, carried across silos by activity
    /// propagation) and our own meters. Wired only when <see cref="OtlpEndpointVariable"/> or <see cref="EnabledKey"/>
    /// is set; otherwise nothing listens, so an instrument costs one check and no span is made.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var export = builder.Configuration[OtlpEndpointVariable] is { Length: > 0 };
        if (!export && !builder.Configuration.GetValue(EnabledKey, false))
        {
            return builder;
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(OrleansSources)
                .AddSource(OwnSources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Microsoft.Orleans", OwnSources));
        if (export)
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>Kubernetes asks these every few seconds; a span each would drown the traces worth reading.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
