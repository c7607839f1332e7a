using ChestXCds.Fhir.Reading;
using ChestXCds.Testing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Fhir.Tests;

public sealed class FhirServiceCollectionExtensionsTests
{
    // REQ-CDS-12: the FHIR query client: redirects refused (a redirect would leave the hook's fhirServer), connections recycled.
    [Fact]
    public async Task GivenTheRegistration_WhenTheFhirQueryClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnectionsBehindResilience()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddChestXFhir();
        await using var provider = services.BuildServiceProvider();

        HttpClientRegistration.AssertOutboundPolicy(provider, FhirQueryClient.HttpClientName);
    }
}
