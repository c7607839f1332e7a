using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Reading;
using ChestXCds.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir;

/// <summary>Registers the FHIR services. Each area of ChestXCds.Fhir adds its lines to <see cref="AddChestXFhir"/>.</summary>
public static class FhirServiceCollectionExtensions
{
    public static IServiceCollection AddChestXFhir(this IServiceCollection services)
    {
        // Reading: prefetch-or-query against the EHR's FHIR server.
        services.AddOptions<FhirReadingOptions>().BindConfiguration(FhirReadingOptions.SectionName)
            .Validate(o => o.RequestTimeoutSeconds is >= 1 and <= 120, "Fhir:Reading:RequestTimeoutSeconds must be 1-120.")
            .Validate(o => o.MaxPages is >= 1 and <= 100, "Fhir:Reading:MaxPages must be 1-100.")
            .Validate(o => o.MaxRetries is >= 0 and <= 5, "Fhir:Reading:MaxRetries must be 0-5.")
            .Validate(o => o.EndpointCacheSeconds is >= 0 and <= 86_400, "Fhir:Reading:EndpointCacheSeconds must be 0-86400.")
            .ValidateOnStart();
        services.TryAddSingleton<IFhirQueryClient, FhirQueryClient>();
        services.AddHttpClient(FhirQueryClient.HttpClientName)
            // The default HttpClient logs write request URLs, and FHIR URLs name the patient (Patient/123).
            .RemoveAllLoggers()
            .UseOutboundPrimaryHandler()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var reading = provider.GetRequiredService<IOptions<FhirReadingOptions>>().Value;
                var attempt = TimeSpan.FromSeconds(reading.RequestTimeoutSeconds);
                resilience.AttemptTimeout.Timeout = attempt;
                resilience.TotalRequestTimeout.Timeout = attempt * (reading.MaxRetries + 1) + TimeSpan.FromSeconds(1);
                resilience.CircuitBreaker.SamplingDuration = attempt * 2 + TimeSpan.FromSeconds(1);
                // The standard pipeline always has a retry strategy (at least one attempt): MaxRetries 0 turns it off instead.
                resilience.Retry.MaxRetryAttempts = Math.Max(reading.MaxRetries, 1);
                if (reading.MaxRetries == 0)
                {
                    resilience.Retry.ShouldHandle = static _ => ValueTask.FromResult(false);
                }

                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
            });
        services.TryAddSingleton<PrefetchOrQueryReader>();
        services.TryAddSingleton<EndpointCache>();
        services.TryAddSingleton<StudyEndpointResolver>();

        // Mapping: StudyAnalysis -> profiled Observations, Device, model card DocumentReference, Provenance (pure).
        services.AddOptions<FhirMappingOptions>().BindConfiguration(FhirMappingOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.DeviceManufacturer), "Fhir:Mapping:DeviceManufacturer is required.")
            .ValidateOnStart();
        services.TryAddSingleton<IAnalysisMapper, AnalysisMapper>();

        // Validation (FirelyResourceValidator) is not registered: the hook path never validates (about 17 ms a resource warm,
        // tens of seconds for the first call); `chestx validate`, the tests and the benchmarks make their own.
        return services;
    }
}
