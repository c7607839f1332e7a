using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChestXCds.Api.Hosting;

/// <summary>What every ChestXCds host has: OpenTelemetry traces and metrics, health checks, problem details.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>The ActivitySource and Meter name of ChestXCds code, and the prefix of every area's own (e.g. "ChestXCds.Analysis").</summary>
    public const string TelemetryName = "ChestXCds";

    /// <summary>
    /// The names registered with the tracer and meter providers: "ChestXCds" and, by wildcard, every
    /// "ChestXCds.*" source and meter, so an area's telemetry is exported without the host naming it.
    /// </summary>
    private static readonly string[] TelemetryNames = [TelemetryName, TelemetryName + ".*"];

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("chestxcds-api"))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation(o =>
                    // FHIR paths name the patient (Patient/123): keep only the origin in spans.
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { } uri)
                        {
                            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority));
                            activity.SetTag("url.path", null);
                            activity.SetTag("url.query", null);
                        }
                    }))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (its dependencies answer). Anonymous: orchestrators probe them.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
