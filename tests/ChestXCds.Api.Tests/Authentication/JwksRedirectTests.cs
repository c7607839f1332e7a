using System.Net;
using ChestXCds.Api.Tests.Infrastructure;
using ChestXCds.Testing.Http;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace ChestXCds.Api.Tests.Authentication;

/// <summary>
/// REQ-CDS-12: a JWKS URL answering a redirect is a failure: the redirect is not followed (it would fetch
/// keys from a URL never checked against the client's configuration), so the token is refused.
/// </summary>
public sealed class JwksRedirectTests : IDisposable
{
    private const string Moved = "/moved/jwks.json";
    private readonly ApiHarness harness = new();

    public JwksRedirectTests()
    {
        harness.Settings["CdsClients:Clients:0:JwksUri"] = harness.Jwks.Url + Moved;
        harness.Jwks.Given(Request.Create().WithPath(Moved).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", harness.Jwks.Url + "/.well-known/jwks.json"));
    }

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenJwksUrlAnswering302_WhenASignedHookArrives_ThenTheRedirectIsNotFollowedAndTheTokenIsRefused()
    {
        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Get, "/cds-services"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(harness.Jwks.LogEntries, e => e.RequestMessage.Path == Moved);
        Assert.DoesNotContain(harness.Jwks.LogEntries, e => e.RequestMessage.Path == "/.well-known/jwks.json");
    }

    [Theory]
    [InlineData("IJwksProvider")]
    [InlineData(ChestXCds.Fhir.Reading.FhirQueryClient.HttpClientName)]
    [InlineData("DicomWebClient")]
    [InlineData("KServeClient")]
    [InlineData("IGenerativeReasoningClient")]
    public void GivenTheHost_WhenAnHttpClientIsBuilt_ThenItRefusesRedirectsAndRecyclesConnections(string client) =>
        HttpClientRegistration.AssertOutboundPolicy(harness.Factory.Services, client);
}
