using System.Net;
using System.Net.Http.Headers;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Authentication;

/// <summary>REQ-API-07, REQ-CDS-07: every endpoint, discovery included, requires a valid CDS client JWT; each attack gets a bare 401.</summary>
public sealed class JwtAttackTests(SharedApiHarness harness) : IClassFixture<SharedApiHarness>
{
    private const string Path = "/cds-services";

    [Theory]
    [InlineData("RS384")]
    [InlineData("ES384")]
    [InlineData("ES256")]
    public async Task GivenTokenSignedWithAllowedAlgorithm_WhenDiscoveryCalled_ThenOk(string alg)
    {
        var token = harness.Keys.Mint(alg, harness.Keys.Claims(ApiHarness.Audience(Path)));

        var response = await SendAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GivenNoAuthorizationHeader_WhenDiscoveryCalled_ThenUnauthorizedWithoutDetail()
    {
        var response = await harness.Client().GetAsync(Path);

        await AssertBare401(response);
    }

    [Fact]
    public async Task GivenAlgNone_WhenCalled_ThenUnauthorized()
    {
        var token = TestIssuer.Unsigned(harness.Keys.Claims(ApiHarness.Audience(Path)));

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenHs256SignedWithThePublicKey_WhenCalled_ThenUnauthorized()
    {
        var token = harness.Keys.HmacWithPublicKey(harness.Keys.Claims(ApiHarness.Audience(Path)));

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenUnknownKid_WhenCalled_ThenUnauthorized()
    {
        var token = harness.Keys.Mint("ES256", harness.Keys.Claims(ApiHarness.Audience(Path)), kid: "not-in-the-jwks");

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenUntrustedIssuer_WhenCalled_ThenUnauthorized()
    {
        var claims = harness.Keys.Claims(ApiHarness.Audience(Path));
        claims["iss"] = "https://attacker.example/ehr";

        await AssertBare401(await SendAsync(harness.Keys.Mint("ES256", claims)));
    }

    [Fact]
    public async Task GivenKeyOfAnotherIssuerWithTrustedIss_WhenCalled_ThenUnauthorized()
    {
        using var stranger = new TestIssuer(ApiHarness.Issuer);

        await AssertBare401(await SendAsync(stranger.Mint("ES256", stranger.Claims(ApiHarness.Audience(Path)))));
    }

    [Fact]
    public async Task GivenJkuOffTheAllowList_WhenCalled_ThenUnauthorizedAndTheJkuIsNeverFetched()
    {
        using var attacker = WireMock.Server.WireMockServer.Start();
        using var attackerKeys = new TestIssuer(ApiHarness.Issuer);
        attacker.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(attackerKeys.JwksJson));
        var token = attackerKeys.Mint("ES256", attackerKeys.Claims(ApiHarness.Audience(Path)),
            new Dictionary<string, object> { ["jku"] = attacker.Url + "/keys/jwks.json" });

        var response = await SendAsync(token);

        await AssertBare401(response);
        Assert.Empty(attacker.LogEntries);
    }

    // REQ-SEC-06: the issuer's own key with a jku off its list (the CDS Hooks sandbox's shape): the pinned JWKS verifies it.
    [Fact]
    public async Task GivenIssuersKeyWithJkuOffTheAllowList_WhenCalled_ThenOkFromThePinnedJwksAndTheJkuIsNeverFetched()
    {
        using var jkuHost = WireMock.Server.WireMockServer.Start();
        jkuHost.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(harness.Keys.JwksJson));
        var token = harness.Keys.Mint("ES384", harness.Keys.Claims(ApiHarness.Audience(Path)),
            new Dictionary<string, object> { ["jku"] = jkuHost.Url + "/.well-known/jwks.json" });

        var response = await SendAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(jkuHost.LogEntries);
    }

    [Fact]
    public async Task GivenJkuOnTheAllowList_WhenCalled_ThenKeysComeFromTheJku()
    {
        var jku = harness.Jwks.Url + "/keys/jwks.json";
        var token = harness.Keys.Mint("ES384", harness.Keys.Claims(ApiHarness.Audience(Path)), new Dictionary<string, object> { ["jku"] = jku });

        var response = await SendAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(harness.Jwks.LogEntries, e => e.RequestMessage.Path == "/keys/jwks.json");
    }

    [Fact]
    public async Task GivenJkuOnAHostThatOnlyStartsLikeTheAllowedOne_WhenSignedByAnotherKey_ThenUnauthorized()
    {
        // The lookalike is not on the list, so only the pinned JWKS is consulted, and it does not hold the stranger's key.
        using var stranger = new TestIssuer(ApiHarness.Issuer);
        var lookalike = harness.Jwks.Url!.Replace("localhost", "localhost.attacker.example", StringComparison.Ordinal) + "/keys/jwks.json";
        var token = stranger.Mint("ES256", stranger.Claims(ApiHarness.Audience(Path)), new Dictionary<string, object> { ["jku"] = lookalike });

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenAudienceOfAnotherUrl_WhenCalled_ThenUnauthorized()
    {
        var token = harness.Keys.Mint("ES256", harness.Keys.Claims("http://localhost/cds-services"));

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenAudienceOfAnotherEndpoint_WhenCalled_ThenUnauthorized()
    {
        var token = harness.Keys.Mint("ES256", harness.Keys.Claims(ApiHarness.Audience("/cds-services/chestx-order-sign")));

        await AssertBare401(await SendAsync(token));
    }

    [Fact]
    public async Task GivenExpiredToken_WhenCalled_ThenUnauthorized()
    {
        var claims = harness.Keys.Claims(ApiHarness.Audience(Path));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["iat"] = now - 900;
        claims["exp"] = now - 600;

        await AssertBare401(await SendAsync(harness.Keys.Mint("ES256", claims)));
    }

    // REQ-SEC-09: the host's defaults (appsettings.json) cap a token's life at CDS Hooks' 5 minutes.
    [Fact]
    public async Task GivenTokenLivingTenMinutes_WhenCalled_ThenUnauthorized()
    {
        var claims = harness.Keys.Claims(ApiHarness.Audience(Path));
        claims["exp"] = (long)claims["iat"] + 600;

        await AssertBare401(await SendAsync(harness.Keys.Mint("ES256", claims)));
    }

    [Fact]
    public async Task GivenIatInTheFuture_WhenCalled_ThenUnauthorized()
    {
        var claims = harness.Keys.Claims(ApiHarness.Audience(Path));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        claims["iat"] = now + 600;
        claims["exp"] = now + 900;

        await AssertBare401(await SendAsync(harness.Keys.Mint("ES256", claims)));
    }

    [Fact]
    public async Task GivenReplayedJti_WhenCalledTwice_ThenSecondIsUnauthorized()
    {
        var token = harness.Keys.Mint("RS384", harness.Keys.Claims(ApiHarness.Audience(Path)));

        var first = await SendAsync(token);
        var second = await SendAsync(token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await AssertBare401(second);
    }

    [Theory]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("iat")]
    [InlineData("jti")]
    public async Task GivenMissingClaim_WhenCalled_ThenUnauthorized(string claim)
    {
        var claims = harness.Keys.Claims(ApiHarness.Audience(Path));
        claims.Remove(claim);

        await AssertBare401(await SendAsync(harness.Keys.Mint("ES256", claims)));
    }

    [Fact]
    public async Task GivenGarbageBearer_WhenCalled_ThenUnauthorized()
    {
        await AssertBare401(await SendAsync("not.a.jwt"));
    }

    [Fact]
    public async Task GivenNoTokenOnHookAndFeedback_WhenCalled_ThenUnauthorized()
    {
        var client = harness.Client();
        await AssertBare401(await client.PostAsync("/cds-services/chestx-order-sign", new StringContent("{}")));
        await AssertBare401(await client.PostAsync("/cds-services/chestx-order-sign/feedback", new StringContent("{}")));
    }

    private Task<HttpResponseMessage> SendAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return harness.Client().SendAsync(request);
    }

    private static async Task AssertBare401(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }
}
