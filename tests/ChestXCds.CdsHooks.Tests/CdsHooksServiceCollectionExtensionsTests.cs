using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Testing.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.CdsHooks.Tests;

/// <summary>REQ-CDS-12: the JWKS client as AddChestXCdsHooks registers it.</summary>
public sealed class CdsHooksServiceCollectionExtensionsTests : IDisposable
{
    private readonly WireMockServer jwksHost = WireMockServer.Start();

    public void Dispose() => jwksHost.Stop();

    [Fact]
    public async Task GivenJwksUrlAnswering302_WhenKeysAreFetched_ThenTheRedirectIsNotFollowedAndNoKeyIsTrusted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", kid = "k1", use = "sig", crv = "P-256", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } },
        });
        jwksHost.Given(Request.Create().WithPath("/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", jwksHost.Url + "/elsewhere/jwks.json"));
        jwksHost.Given(Request.Create().WithPath("/elsewhere/jwks.json").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(jwks));
        await using var services = Build();

        var keys = await services.GetRequiredService<IJwksProvider>().GetKeysAsync(JwksSource.Url(jwksHost.Url + "/jwks.json"), refresh: true, CancellationToken.None);

        Assert.Empty(keys);
        Assert.DoesNotContain(jwksHost.LogEntries, e => e.RequestMessage.Path == "/elsewhere/jwks.json");
    }

    [Fact]
    public async Task GivenTheRegistration_WhenTheJwksClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnectionsBehindResilience()
    {
        await using var services = Build();

        HttpClientRegistration.AssertOutboundPolicy(services, nameof(IJwksProvider));
    }

    // REQ-SEC-10: one setting switches the replay cache to the shared store; without it, in process.
    [Theory]
    [InlineData(null, typeof(JtiReplayCache))]
    [InlineData("127.0.0.1:6379", typeof(RedisJtiReplayCache))]
    public async Task GivenReplayCacheRedisConfiguration_WhenTheReplayCacheIsBuilt_ThenItIsTheSharedStoreOnlyWhenSet(string? redis, Type expected)
    {
        await using var services = Build(redis is null ? [] : new() { ["CdsClients:ReplayCacheRedisConfiguration"] = redis });

        Assert.IsType(expected, services.GetRequiredService<IJtiReplayCache>());
    }

    private static ServiceProvider Build(Dictionary<string, string?>? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        services.AddChestXCdsHooks();
        return services.BuildServiceProvider();
    }
}
