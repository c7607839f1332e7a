using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.CdsHooks.Tests.Infrastructure;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;

namespace ChestXCds.CdsHooks.Tests.Authentication;

/// <summary>
/// REQ-SEC-10: with Redis configured, the jti replay cache is shared by every replica (SET NX with the token's remaining
/// life as expiry), so a token accepted by one replica is refused by another. Against a real redis-server.
/// </summary>
public sealed class RedisJtiReplayCacheTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private const string Issuer = "https://ehr.example";
    private const string Url = "https://cds.example/cds-services";
    private readonly List<RedisJtiReplayCache> replicas = [];

    public void Dispose()
    {
        foreach (var replica in replicas)
        {
            replica.Dispose();
        }
    }

    [SkippableFact]
    public async Task GivenTwoReplicas_WhenTheSameJtiReachesBoth_ThenOnlyTheFirstIsAccepted()
    {
        Skip.If(redis.Unavailable is not null, redis.Unavailable);
        var (first, second) = (Replica(), Replica());
        var jti = Guid.NewGuid().ToString();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);

        Assert.True(await first.TryRegisterAsync(Issuer, jti, expires, CancellationToken.None));
        Assert.False(await second.TryRegisterAsync(Issuer, jti, expires, CancellationToken.None));
        Assert.False(await first.TryRegisterAsync(Issuer, jti, expires, CancellationToken.None));
        Assert.True(await second.TryRegisterAsync("https://other-ehr.example", jti, expires, CancellationToken.None));
    }

    [SkippableFact]
    public async Task GivenManyReplicasRacing_WhenOneJtiArrivesAtAllAtOnce_ThenExactlyOneWins()
    {
        Skip.If(redis.Unavailable is not null, redis.Unavailable);
        var caches = Enumerable.Range(0, 4).Select(_ => Replica()).ToList();
        var jti = Guid.NewGuid().ToString();
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            caches[i % caches.Count].TryRegisterAsync(Issuer, jti, expires, CancellationToken.None).AsTask()));

        Assert.Single(results, accepted => accepted);
    }

    [SkippableFact]
    public async Task GivenARegisteredJti_WhenStored_ThenItExpiresWithTheTokenAndTheKeyDoesNotCarryTheJti()
    {
        Skip.If(redis.Unavailable is not null, redis.Unavailable);
        var jti = Guid.NewGuid().ToString();
        await using var inspector = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = inspector.GetServer(inspector.GetEndPoints().Single());
        var before = server.Keys(pattern: "*").Select(k => k.ToString()).ToHashSet();

        Assert.True(await Replica().TryRegisterAsync(Issuer, jti, DateTimeOffset.UtcNow.AddSeconds(90), CancellationToken.None));

        var key = Assert.Single(server.Keys(pattern: "*").Select(k => k.ToString()), k => !before.Contains(k));
        Assert.StartsWith(RedisJtiReplayCache.KeyPrefix, key, StringComparison.Ordinal);
        Assert.DoesNotContain(jti, key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ehr.example", key, StringComparison.Ordinal);
        Assert.InRange((await inspector.GetDatabase().KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(90));
    }

    [SkippableFact]
    public async Task GivenAJtiWhoseTokenHasExpired_WhenItArrivesAgain_ThenRedisHasForgottenIt()
    {
        Skip.If(redis.Unavailable is not null, redis.Unavailable);
        var cache = Replica();
        var jti = Guid.NewGuid().ToString();

        Assert.True(await cache.TryRegisterAsync(Issuer, jti, DateTimeOffset.UtcNow.AddMilliseconds(300), CancellationToken.None));
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.True(await cache.TryRegisterAsync(Issuer, jti, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
    }

    [SkippableFact]
    public async Task GivenTwoReplicasSharingRedis_WhenATokenAcceptedByOneIsReplayedToTheOther_ThenRefused()
    {
        Skip.If(redis.Unavailable is not null, redis.Unavailable);
        using var ehrKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var jwksFile = Path.Combine(Path.GetTempPath(), $"jwks-{Guid.NewGuid():N}.json");
        var p = ehrKey.ExportParameters(false);
        await File.WriteAllTextAsync(jwksFile, JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", kid = "k1", use = "sig", crv = "P-384", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } },
        }));
        try
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var token = new JsonWebTokenHandler().CreateToken(
                JsonSerializer.Serialize(new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = Url, ["iat"] = now, ["exp"] = now + 300, ["jti"] = Guid.NewGuid().ToString() }),
                new SigningCredentials(new ECDsaSecurityKey(ehrKey) { KeyId = "k1" }, SecurityAlgorithms.EcdsaSha384),
                new Dictionary<string, object> { ["typ"] = "JWT" });

            var first = await Validator(jwksFile, Replica()).ValidateAsync(token, Url, CancellationToken.None);
            var replayed = await Validator(jwksFile, Replica()).ValidateAsync(token, Url, CancellationToken.None);

            Assert.True(first.Succeeded, first.Failure);
            Assert.Equal("jti replayed", replayed.Failure);
        }
        finally
        {
            File.Delete(jwksFile);
        }
    }

    [Fact]
    public async Task GivenRedisUnreachable_WhenAJtiArrives_ThenItIsRefusedNotWaved()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var cache = new RedisJtiReplayCache($"127.0.0.1:{port},connectTimeout=500,connectRetry=0", TimeProvider.System, NullLogger<RedisJtiReplayCache>.Instance);

        Assert.False(await cache.TryRegisterAsync(Issuer, Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None));
    }

    private RedisJtiReplayCache Replica()
    {
        var replica = new RedisJtiReplayCache(redis.Configuration, TimeProvider.System, NullLogger<RedisJtiReplayCache>.Instance);
        replicas.Add(replica);
        return replica;
    }

    private static CdsClientTokenValidator Validator(string jwksFile, IJtiReplayCache replayCache)
    {
        var monitor = new FixedOptions<CdsClientsOptions>(new CdsClientsOptions { Clients = [new() { Issuer = Issuer, JwksFile = jwksFile }] });
        var provider = new JwksProvider(new HttpClient(), new JwksCache(), monitor, TimeProvider.System, NullLogger<JwksProvider>.Instance);
        return new CdsClientTokenValidator(monitor, provider, replayCache, TimeProvider.System, NullLogger<CdsClientTokenValidator>.Instance);
    }
}
