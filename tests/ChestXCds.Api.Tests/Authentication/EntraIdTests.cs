using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChestXCds.Api.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ChestXCds.Api.Tests.Authentication;

/// <summary>
/// REQ-API-04: with an AzureAd section, Entra ID tokens go to Microsoft.Identity.Web and CDS client tokens still to the
/// CDS client checks. REQ-SEC-11: an Entra caller needs one of <c>AzureAd:RequiredScopes</c> or <c>AzureAd:RequiredRoles</c>
/// (403 without), and its token's <c>uti</c> is checked against the replay cache like a CDS client's <c>jti</c>.
/// The tenant is a WireMock.Net server on loopback serving the OpenID metadata and signing keys Entra ID would serve.
/// </summary>
public sealed class EntraIdTests : IDisposable
{
    private const string Tenant = "7d2c4b7e-0f7e-4c1a-9a43-5d1c1f3b2a10";
    private const string ClientId = "c2b1a0f3-3a5e-4b86-8f0c-3f6f6b1e9d21";
    private const string Scope = "CdsHooks.Call";
    private const string Role = "CdsHooks.Caller";
    private const string Path = "/cds-services";

    private readonly WireMockServer entra = WireMockServer.Start();
    private readonly TestIssuer tenantKeys;
    private readonly ApiHarness harness;

    public EntraIdTests()
    {
        var instance = entra.Url + "/";
        tenantKeys = new TestIssuer($"{instance}{Tenant}/v2.0");
        entra.Given(Request.Create().WithPath($"/{Tenant}/v2.0/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
            {
                issuer = tenantKeys.Issuer,
                jwks_uri = $"{instance}{Tenant}/discovery/v2.0/keys",
                authorization_endpoint = $"{instance}{Tenant}/oauth2/v2.0/authorize",
                token_endpoint = $"{instance}{Tenant}/oauth2/v2.0/token",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            })));
        entra.Given(Request.Create().WithPath($"/{Tenant}/discovery/v2.0/keys").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(tenantKeys.JwksJson));
        harness = new ApiHarness(s =>
        {
            s["AzureAd:Instance"] = instance;
            s["AzureAd:TenantId"] = Tenant;
            s["AzureAd:ClientId"] = ClientId;
            // The stand-in tenant speaks http on loopback (Entra ID itself is https only), which Microsoft.Identity.Web's
            // issuer validator will not read its metadata from: its issuer is given as Entra ID's template instead.
            s["AzureAd:RequireHttpsMetadata"] = "false";
            s["AzureAd:TokenValidationParameters:ValidIssuer"] = instance + "{tenantid}/v2.0";
            s["AzureAd:RequiredScopes:0"] = Scope;
            s["AzureAd:RequiredRoles:0"] = Role;
        });
    }

    public void Dispose()
    {
        harness.Dispose();
        tenantKeys.Dispose();
        entra.Stop();
    }

    [Fact]
    public async Task GivenAzureAdConfigured_WhenCdsClientTokenSent_ThenStillAccepted()
    {
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Get, Path, alg: "RS384"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GivenAzureAdConfigured_WhenEntraTokenSignedByAnotherKey_ThenUnauthorized()
    {
        using var stranger = new TestIssuer(tenantKeys.Issuer);

        var response = await SendAsync(stranger.Mint("RS384", EntraClaims(stranger, scp: Scope)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // REQ-SEC-11
    [Fact]
    public async Task GivenEntraUserTokenWithTheRequiredScope_WhenCalled_ThenOk()
    {
        var response = await SendAsync(tenantKeys.Mint("RS384", EntraClaims(tenantKeys, scp: $"User.Read {Scope}")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // REQ-SEC-11
    [Fact]
    public async Task GivenEntraAppTokenWithTheRequiredRole_WhenCalled_ThenOk()
    {
        var response = await SendAsync(tenantKeys.Mint("RS384", EntraClaims(tenantKeys, roles: [Role])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // REQ-SEC-11: authenticated by the tenant, but not granted this API's permission.
    [Theory]
    [InlineData("User.Read", null)]
    [InlineData(null, "Some.Other.Role")]
    public async Task GivenEntraTokenOfTheTenantWithoutTheScopeOrRole_WhenCalled_ThenForbidden(string? scp, string? role)
    {
        var response = await SendAsync(tenantKeys.Mint("RS384", EntraClaims(tenantKeys, scp: scp, roles: role is null ? null : [role])));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    // REQ-SEC-11
    [Fact]
    public async Task GivenEntraTokenReplayed_WhenCalledTwice_ThenTheSecondIsUnauthorized()
    {
        var token = tenantKeys.Mint("RS384", EntraClaims(tenantKeys, scp: Scope));

        var first = await SendAsync(token);
        var second = await SendAsync(token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
    }

    // REQ-SEC-11: without an uti (or jti) a replay cannot be told from a first use.
    [Fact]
    public async Task GivenEntraTokenWithoutUti_WhenCalled_ThenUnauthorized()
    {
        var claims = EntraClaims(tenantKeys, scp: Scope);
        claims.Remove("uti");

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(tenantKeys.Mint("RS384", claims))).StatusCode);
    }

    // REQ-SEC-11
    [Fact]
    public void GivenAzureAdWithoutRequiredScopesOrRoles_WhenStarted_ThenStartFailsNamingThem()
    {
        using var open = new ApiHarness(s =>
        {
            s["AzureAd:Instance"] = entra.Url + "/";
            s["AzureAd:TenantId"] = Tenant;
            s["AzureAd:ClientId"] = ClientId;
        });

        var failure = Assert.ThrowsAny<Exception>(() => open.Client());

        Assert.Contains("AzureAd:RequiredScopes or AzureAd:RequiredRoles", failure.ToString(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SendAsync(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return harness.Client().SendAsync(request);
    }

    /// <summary>A v2.0 access token for this API as Entra ID issues it: a user's carries scp, an application's roles.</summary>
    private static Dictionary<string, object> EntraClaims(TestIssuer issuer, string? scp = null, string[]? roles = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer.Issuer,
            ["aud"] = ClientId,
            ["tid"] = Tenant,
            ["ver"] = "2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["azp"] = "0b7d1a2c-5e6f-4a3b-8c9d-1e2f3a4b5c6d",
            ["oid"] = Guid.NewGuid().ToString(),
            ["sub"] = Guid.NewGuid().ToString("N"),
            ["uti"] = Guid.NewGuid().ToString("N")[..22],
        };
        if (scp is not null)
        {
            claims["scp"] = scp;
        }

        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        return claims;
    }
}
