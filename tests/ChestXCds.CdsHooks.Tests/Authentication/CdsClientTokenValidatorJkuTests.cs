using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChestXCds.CdsHooks.Tests.Authentication;

/// <summary>
/// REQ-SEC-06: a <c>jku</c> outside the issuer's allowed prefixes is never fetched; the issuer's pinned keys (JwksFile or
/// JwksUri) decide, as CDS Hooks 2.0 asks ("a jku outside the list is not a reason to refuse when the configured keys verify").
/// </summary>
public sealed class CdsClientTokenValidatorJkuTests : IDisposable
{
    // How the CDS Hooks sandbox signs (its jwt-generator): ES384, this kid, this jku, a 5-minute token.
    private const string SandboxIssuer = "https://sandbox.cds-hooks.org";
    private const string SandboxKid = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";
    private const string SandboxJku = "https://sandbox.cds-hooks.org/.well-known/jwks.json";
    private const string Url = "https://cds.example/cds-services/chestx-order-sign";

    private readonly ECDsa sandboxKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly string jwksFile = Path.Combine(Path.GetTempPath(), $"sandbox-jwks-{Guid.NewGuid():N}.json");
    private readonly RecordingHandler network = new();

    public CdsClientTokenValidatorJkuTests() => File.WriteAllText(jwksFile, PublicJwks(sandboxKey, SandboxKid));

    public void Dispose()
    {
        sandboxKey.Dispose();
        network.Dispose();
        File.Delete(jwksFile);
    }

    [Fact]
    public async Task GivenSandboxTokenWithUnlistedJku_WhenTheIssuersJwksFileHoldsItsKey_ThenAcceptedAndTheJkuIsNeverFetched()
    {
        var token = Mint(sandboxKey, SandboxKid, SandboxJku);

        var result = await Validator([]).ValidateAsync(token, Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(SandboxIssuer, result.Identity!.FindFirst("iss")!.Value);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task GivenUnlistedJku_WhenThePinnedKeysDoNotVerifyTheToken_ThenRefusedAndTheJkuIsNeverFetched()
    {
        using var attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var token = Mint(attackerKey, SandboxKid, "https://attacker.example/jwks.json");

        var result = await Validator([]).ValidateAsync(token, Url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task GivenUnlistedJkuAndNoPinnedKeys_WhenValidated_ThenRefusedWithoutAnyFetch()
    {
        var token = Mint(sandboxKey, SandboxKid, SandboxJku);
        var client = new CdsClientRegistration { Issuer = SandboxIssuer, AllowedJkuPrefixes = ["https://sandbox.cds-hooks.org/keys/"] };

        var result = await Validator(client).ValidateAsync(token, Url, CancellationToken.None);

        Assert.Equal("jku not allowed", result.Failure);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task GivenListedJkuThatCannotBeFetched_WhenThePinnedKeysVerifyTheToken_ThenAccepted()
    {
        var token = Mint(sandboxKey, SandboxKid, SandboxJku);

        var result = await Validator(["https://sandbox.cds-hooks.org/.well-known/"]).ValidateAsync(token, Url, CancellationToken.None);

        Assert.True(result.Succeeded, result.Failure);
        // REQ-SEC-08: the unknown kid after the failed fetch does not fetch again within the interval.
        Assert.Equal([new Uri(SandboxJku)], network.Requests);
    }

    private CdsClientTokenValidator Validator(List<string> allowedJkuPrefixes) =>
        Validator(new CdsClientRegistration { Issuer = SandboxIssuer, JwksFile = jwksFile, AllowedJkuPrefixes = allowedJkuPrefixes });

    private CdsClientTokenValidator Validator(CdsClientRegistration client)
    {
        var monitor = new FixedOptions<CdsClientsOptions>(new CdsClientsOptions { Clients = [client] });
        var provider = new JwksProvider(new HttpClient(network), new JwksCache(), monitor, TimeProvider.System, NullLogger<JwksProvider>.Instance);
        return new CdsClientTokenValidator(monitor, provider, new JtiReplayCache(TimeProvider.System), TimeProvider.System, NullLogger<CdsClientTokenValidator>.Instance);
    }

    private static string Mint(ECDsa key, string kid, string jku)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = SandboxIssuer,
            ["aud"] = Url,
            ["exp"] = now + 300,
            ["iat"] = now,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(claims),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha384),
            new Dictionary<string, object> { ["typ"] = "JWT", ["jku"] = jku });
    }

    private static string PublicJwks(ECDsa key, string kid)
    {
        var p = key.ExportParameters(false);
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", kid, use = "sig", alg = "ES384", crv = "P-384", x = Base64UrlEncoder.Encode(p.Q.X), y = Base64UrlEncoder.Encode(p.Q.Y) } },
        });
    }

    /// <summary>The network as the JWKS client sees it: every request is recorded and answered 503.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        private readonly List<Uri> requests = [];

        public IReadOnlyList<Uri> Requests
        {
            get
            {
                lock (requests)
                {
                    return [.. requests];
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (requests)
            {
                requests.Add(request.RequestUri!);
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        }
    }
}
