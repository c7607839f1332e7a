using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.CdsHooks.Tests.Authentication;

/// <summary>
/// REQ-SEC-08: an unknown kid (which any caller can put in a token naming a trusted issuer, before any signature is
/// checked) forces at most one JWKS fetch per issuer per <c>JwksMinRefreshSeconds</c>, concurrent callers share one
/// fetch, and the JWKS cache is bounded whatever URLs inside an allowed prefix callers name.
/// </summary>
public sealed class JwksProviderTests : IDisposable
{
    private const string Issuer = "https://ehr.example";
    private const string JwksPath = "/jwks/keys.json";
    private const string FastPath = "/jwks/fast.json";
    private readonly WireMockServer jwksHost = WireMockServer.Start();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly CdsClientsOptions settings = new() { JwksCacheSeconds = 600, JwksMinRefreshSeconds = 30 };

    public JwksProviderTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", kid = "k1", use = "sig", crv = "P-256", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } },
        });
        jwksHost.Given(Request.Create().WithPath(JwksPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(jwks)
                .WithDelay(TimeSpan.FromMilliseconds(200)));
        jwksHost.Given(Request.Create().WithPath(FastPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(jwks));
    }

    public void Dispose() => jwksHost.Stop();

    private JwksSource Pinned => JwksSource.Url(jwksHost.Url + JwksPath) with { Issuer = Issuer };

    private int Fetches => jwksHost.LogEntries.Count(e => e.RequestMessage.Path == JwksPath);

    [Fact]
    public async Task GivenCachedKeys_WhenUnknownKidsForceRefreshesWithinTheInterval_ThenOneRefetchPerInterval()
    {
        var provider = Provider(new JwksCache());
        await provider.GetKeysAsync(Pinned, refresh: false, CancellationToken.None);
        Assert.Equal(1, Fetches);

        time.Advance(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 5; i++)
        {
            Assert.NotEmpty(await provider.GetKeysAsync(Pinned, refresh: true, CancellationToken.None));
            time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(2, Fetches);

        time.Advance(TimeSpan.FromSeconds(30));
        await provider.GetKeysAsync(Pinned, refresh: true, CancellationToken.None);
        Assert.Equal(3, Fetches);
    }

    [Fact]
    public async Task GivenConcurrentUnknownKidRefreshes_WhenTheyArriveTogether_ThenTheyShareOneFetch()
    {
        var cache = new JwksCache();
        await Provider(cache).GetKeysAsync(Pinned, refresh: false, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));

        // Each caller has its own provider, as each request gets its own typed client; the cache is the singleton.
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => Provider(cache).GetKeysAsync(Pinned, refresh: true, CancellationToken.None))));

        Assert.All(results, keys => Assert.Equal("k1", Assert.Single(keys).Kid));
        Assert.Equal(2, Fetches);
    }

    [Fact]
    public async Task GivenAnEmptyCache_WhenConcurrentCallersAskAtOnce_ThenOneFetch()
    {
        var cache = new JwksCache();

        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => Provider(cache).GetKeysAsync(Pinned, refresh: false, CancellationToken.None))));

        Assert.Equal(1, Fetches);
    }

    [Fact]
    public async Task GivenAJwksHostThatFails_WhenTokensKeepArriving_ThenItIsAskedOncePerInterval()
    {
        var down = JwksSource.Url(jwksHost.Url + "/down/jwks.json") with { Issuer = Issuer };
        var provider = Provider(new JwksCache());

        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(await provider.GetKeysAsync(down, refresh: i % 2 == 1, CancellationToken.None));
        }

        Assert.Single(jwksHost.LogEntries, e => e.RequestMessage.Path == "/down/jwks.json");
    }

    // REQ-SEC-07: query-string variants of an allowed jku cannot grow the cache without bound.
    [Fact]
    public async Task GivenManyJkuVariants_WhenEachIsFetched_ThenTheCacheStaysWithinItsLimitAndKeepsTheKeysInUse()
    {
        settings.JwksCacheSeconds = 86400;
        var cache = new JwksCache(maxEntries: 8);
        var provider = Provider(cache);
        var pinned = JwksSource.Url(jwksHost.Url + FastPath) with { Issuer = Issuer };

        await provider.GetKeysAsync(pinned, refresh: false, CancellationToken.None);

        for (var i = 0; i < 40; i++)
        {
            time.Advance(TimeSpan.FromSeconds(31));
            Assert.NotEmpty(await provider.GetKeysAsync(JwksSource.Jku($"{jwksHost.Url}{FastPath}?v={i}", Issuer), refresh: false, CancellationToken.None));
            Assert.InRange(cache.Count, 1, 8);
            await provider.GetKeysAsync(pinned, refresh: false, CancellationToken.None);
        }

        // Every variant was fetched once (one per interval), and the pinned JWKS, in use all along, was never evicted.
        Assert.Equal(41, jwksHost.LogEntries.Count(e => e.RequestMessage.Path == FastPath));
        Assert.Single(jwksHost.LogEntries, e => e.RequestMessage.Path == FastPath && string.IsNullOrEmpty(e.RequestMessage.RawQuery));
    }

    [Fact]
    public async Task GivenJkuAndPinnedSourcesOfOneIssuer_WhenBothAreFirstNeededTogether_ThenEachIsFetched()
    {
        var provider = Provider(new JwksCache());

        Assert.NotEmpty(await provider.GetKeysAsync(JwksSource.Jku(jwksHost.Url + JwksPath + "?header", Issuer), refresh: false, CancellationToken.None));
        Assert.NotEmpty(await provider.GetKeysAsync(Pinned, refresh: false, CancellationToken.None));
        Assert.Empty(await provider.GetKeysAsync(JwksSource.Jku(jwksHost.Url + JwksPath + "?other", Issuer), refresh: false, CancellationToken.None));

        Assert.Equal(2, Fetches);
    }

    private JwksProvider Provider(JwksCache cache) =>
        new(new HttpClient(), cache, new FixedOptions<CdsClientsOptions>(settings), time, NullLogger<JwksProvider>.Instance);
}
