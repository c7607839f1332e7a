using ChestXCds.Http;
using ChestXCds.Imaging.Decoding;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChestXCds.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IChestImageRetriever"/>, <see cref="IDicomImageReader"/> (GDCM),
    /// <see cref="IPixelPipeline"/>, <see cref="DicomWebOptions"/> from the
    /// <c>Imaging:DicomWeb</c> section of <paramref name="configuration"/> (validated at start), and
    /// the typed <see cref="DicomWebClient"/> with the standard resilience pipeline tuned for WADO-RS.
    /// </summary>
    public static IServiceCollection AddChestXImaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DicomWebOptions>()
            .Bind(configuration.GetSection(DicomWebOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.TotalTimeoutSeconds >= o.AttemptTimeoutSeconds, "Imaging:DicomWeb:TotalTimeoutSeconds must be at least AttemptTimeoutSeconds.")
            .Validate(
                o => o.DefaultBaseAddress is null || (Uri.TryCreate(o.DefaultBaseAddress, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps)),
                "Imaging:DicomWeb:DefaultBaseAddress must be an absolute http(s) URL.")
            .ValidateOnStart();

        services.AddOptions<DecodingOptions>().Bind(configuration.GetSection(DecodingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IDicomDecoder, GdcmDicomDecoder>();
        services.TryAddSingleton<IDicomImageReader, DicomImageReader>();
        services.TryAddSingleton<IPixelPipeline, PixelPipeline>();
        services.TryAddTransient<IChestImageRetriever, ChestImageRetriever>();

        services.AddHttpClient<DicomWebClient>(client =>
            {
                // The resilience pipeline owns the timeouts; the body has its own (TotalTimeoutSeconds).
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default HttpClient logs write request URIs, and DICOMweb URIs carry Study/Series/SOP Instance UIDs.
            .RemoveAllLoggers()
            .UseOutboundPrimaryHandler()
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
                ConfigureResilience(resilience, provider.GetRequiredService<IOptions<DicomWebOptions>>().Value));
        return services;
    }

    internal static void ConfigureResilience(HttpStandardResilienceOptions resilience, DicomWebOptions dicomWeb)
    {
        var attempt = TimeSpan.FromSeconds(dicomWeb.AttemptTimeoutSeconds);
        resilience.AttemptTimeout.Timeout = attempt;
        resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(Math.Max(dicomWeb.TotalTimeoutSeconds, dicomWeb.AttemptTimeoutSeconds));

        // The standard handler's validator refuses a sampling window shorter than twice the attempt timeout.
        resilience.CircuitBreaker.SamplingDuration = (attempt * 2) + TimeSpan.FromSeconds(1);
        resilience.Retry.MaxRetryAttempts = Math.Max(dicomWeb.MaxRetryAttempts, 0);
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(dicomWeb.RetryDelayMilliseconds);

        // PS3.18 and STANDARDS.md: a 503 (or 429) with Retry-After is retried after the time it asks.
        resilience.Retry.ShouldRetryAfterHeader = true;
        if (dicomWeb.MaxRetryAttempts == 0)
        {
            resilience.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            resilience.Retry.MaxRetryAttempts = 1;
        }
    }
}
