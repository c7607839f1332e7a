using ChestXCds.Reasoning.Generative;
using ChestXCds.Testing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Reasoning.Tests;

public sealed class ReasoningServiceCollectionExtensionsTests
{
    // REQ-CDS-12: the generative client: redirects refused, connections recycled instead of the handler.
    [Fact]
    public async Task GivenTheRegistration_WhenTheGenerativeClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnectionsBehindResilience()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddChestXReasoning();
        await using var provider = services.BuildServiceProvider();

        HttpClientRegistration.AssertOutboundPolicy(provider, nameof(IGenerativeReasoningClient));
    }
}
