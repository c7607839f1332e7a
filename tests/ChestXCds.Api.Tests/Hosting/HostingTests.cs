using System.Net;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Hosting;

public sealed class HostingTests : IDisposable
{
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    // REQ-API-05
    [Fact]
    public async Task GivenAllowedOrigin_WhenPreflightAsksForAuthorization_ThenAllowed()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services/chestx-order-sign");
        request.Headers.Add("Origin", ApiHarness.CorsOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await harness.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(ApiHarness.CorsOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GivenOtherOrigin_WhenPreflight_ThenNoAllowOrigin()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await harness.Client().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    // REQ-API-06
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task GivenRunningService_WhenHealthProbed_ThenHealthy(string path)
    {
        // Readiness waits for the hook warm-up (seconds on a busy machine): probe as an orchestrator does, bounded.
        var client = harness.Client();
        var response = await client.GetAsync(path);
        for (var attempt = 0; attempt < 120 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            response = await client.GetAsync(path);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenUnwritableFeedbackStore_WhenReadyProbed_ThenUnhealthy()
    {
        using var broken = new ApiHarness(s => s["Feedback:DatabasePath"] = "/proc/chestx-not-writable/feedback.db");

        var response = await broken.Client().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    // REQ-SEC-09: behind a proxy the URL called is not the request's; in Production the service will not guess it from the Host header.
    [Fact]
    public void GivenProductionWithoutPublicBaseUrl_WhenStarted_ThenStartFailsNamingTheSetting()
    {
        var settings = new Dictionary<string, string>(harness.Settings);
        settings.Remove("CdsClients:PublicBaseUrl");
        using var production = new ApiFactory(settings, "Production");

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("CdsClients:PublicBaseUrl is required in Production", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenProductionWithPublicBaseUrlAndAllowLists_WhenStarted_ThenLive()
    {
        // REQ-SEC-02: outside Development each client also needs its FHIR server and imaging endpoint lists.
        var settings = new Dictionary<string, string>(harness.Settings)
        {
            ["CdsClients:Clients:0:AllowedFhirServers:0"] = "https://ehr.example.org/fhir",
            ["CdsClients:Clients:0:AllowedImagingEndpoints:0"] = "https://pacs.example.org/dicom-web",
        };
        using var production = new ApiFactory(settings, "Production");

        var response = await production.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
