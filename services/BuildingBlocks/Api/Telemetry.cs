using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// OpenTelemetry traces and metrics: every request (the gRPC method, its status and duration; never
/// its content) and the product's own meter, exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set, as for any OpenTelemetry service. Without an endpoint nothing is collected, so requests pay
/// nothing for it (the meter still serves in-process listeners).
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Newcomers.Matching";

    /// <summary>The product's meter: recommendations served and how long they took.</summary>
    public static readonly Meter Meter = new(MeterName);

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return services;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddMeter(MeterName))
            .UseOtlpExporter();
        return services;
    }
}
