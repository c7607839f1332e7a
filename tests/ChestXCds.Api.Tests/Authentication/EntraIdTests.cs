using System.Net;
using System.Net.Http.Headers;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Authentication;

/// <summary>REQ-API-04: with an AzureAd section, Entra ID tokens go to Microsoft.Identity.Web and CDS client tokens still to the CDS client checks.</summary>
public sealed class EntraIdTests : IDisposable
{
    private const string Tenant = "7d2c4b7e-0f7e-4c1a-9a43-5d1c1f3b2a10";

    // An https instance on a closed loopback port: metadata requests fail at once instead of leaving the machine.
    private const string Instance = "https://127.0.0.1:1/";
    private readonly ApiHarness harness = new(s =>
    {
        s["AzureAd:Instance"] = Instance;
        s["AzureAd:TenantId"] = Tenant;
        s["AzureAd:ClientId"] = "c2b1a0f3-3a5e-4b86-8f0c-3f6f6b1e9d21";
    });

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenAzureAdConfigured_WhenCdsClientTokenSent_ThenStillAccepted()
    {
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Get, "/cds-services", alg: "RS384"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GivenAzureAdConfigured_WhenEntraTokenCannotBeVerified_ThenUnauthorized()
    {
        using var entraKeys = new TestIssuer($"{Instance}{Tenant}/v2.0");
        var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", entraKeys.Mint("RS384", entraKeys.Claims("api://chestx")));

        var response = await harness.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
