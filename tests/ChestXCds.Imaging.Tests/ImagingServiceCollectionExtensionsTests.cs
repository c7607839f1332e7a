using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Imaging.Tests.Support;
using ChestXCds.Testing.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace ChestXCds.Imaging.Tests;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Fact]
    public async Task GivenDefaults_WhenRegistered_ThenEverySeamResolves()
    {
        await using var services = ImagingHost.Build();

        Assert.NotNull(services.GetRequiredService<IChestImageRetriever>());
        Assert.NotNull(services.GetRequiredService<IDicomImageReader>());
        Assert.NotNull(services.GetRequiredService<IPixelPipeline>());
        Assert.False(services.GetRequiredService<IOptions<DicomWebOptions>>().Value.ForwardFhirAccessToken);
    }

    // REQ-IMG-03: long WADO-RS attempt timeout, breaker sampling ≥ 2x attempt, Retry-After honoured.
    [Fact]
    public async Task GivenConfiguredTimeouts_WhenResilienceIsBuilt_ThenTheyReachTheStandardHandler()
    {
        await using var services = ImagingHost.Build(("AttemptTimeoutSeconds", "90"), ("TotalTimeoutSeconds", "400"), ("MaxRetryAttempts", "2"));
        var monitor = services.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>();

        var resilience = monitor.Get($"{nameof(DicomWebClient)}-standard");

        Assert.Equal(TimeSpan.FromSeconds(90), resilience.AttemptTimeout.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(400), resilience.TotalRequestTimeout.Timeout);
        Assert.True(resilience.CircuitBreaker.SamplingDuration >= TimeSpan.FromSeconds(180));
        Assert.True(resilience.Retry.ShouldRetryAfterHeader);
        Assert.Equal(2, resilience.Retry.MaxRetryAttempts);
    }

    // REQ-CDS-12: a 3xx from the PACS is a failure, not followed; the client lives in singletons, so its connections are recycled instead of its handler.
    [Fact]
    public async Task GivenTheRegistration_WhenTheDicomWebClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnectionsBehindResilience()
    {
        await using var services = ImagingHost.Build();

        HttpClientRegistration.AssertOutboundPolicy(services, nameof(DicomWebClient));
    }

    // REQ-SEC-03: DICOMweb request URIs carry Study, Series and SOP Instance UIDs, so the client writes no request logs.
    [Fact]
    public async Task GivenTheRegistration_WhenTheDicomWebClientIsBuilt_ThenItHasNoRequestLogging()
    {
        await using var services = ImagingHost.Build();

        HttpClientRegistration.AssertNoRequestLogging(services, nameof(DicomWebClient));
    }

    [Theory]
    [InlineData("AttemptTimeoutSeconds", "0")]
    [InlineData("DefaultBaseAddress", "ftp://pacs/dicom-web")]
    [InlineData("MaxInstanceBytes", "10")]
    [InlineData("MaxQidoResponseBytes", "100")]
    [InlineData("TotalTimeoutSeconds", "5")]
    public async Task GivenInvalidSetting_WhenOptionsAreRead_ThenValidationFailsWithTheSectionName(string key, string value)
    {
        await using var services = ImagingHost.Build((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DicomWebOptions>>().Value);

        Assert.NotEmpty(error.Failures);
    }
}
