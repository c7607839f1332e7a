using ChestXCds.CdsHooks.Access;
using ChestXCds.CdsHooks.Authentication;
using ChestXCds.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace ChestXCds.CdsHooks.Tests.Access;

/// <summary>REQ-SEC-02: per-client allow-lists of FHIR servers and imaging endpoints, whole path segments, https outside Development.</summary>
public sealed class ClientAccessPolicyTests
{
    private const string Issuer = "https://ehr.example.org";

    private static CdsClientsOptions Clients(List<string>? fhir = null, List<string>? imaging = null) => new()
    {
        Clients = [new CdsClientRegistration { Issuer = Issuer, JwksFile = "keys.json", AllowedFhirServers = fhir ?? [], AllowedImagingEndpoints = imaging ?? [] }],
    };

    private static ClientAccessPolicy Policy(CdsClientsOptions options, string environment) =>
        new(new FixedOptions<CdsClientsOptions>(options), new HostingEnvironment { EnvironmentName = environment });

    [Theory]
    [InlineData("https://ehr.example.org/fhir", true)]
    [InlineData("https://ehr.example.org/fhir/", true)]
    [InlineData("https://EHR.example.org/fhir/r4", true)]
    [InlineData("https://ehr.example.org/fhir-other", false)]
    [InlineData("https://ehr.example.org/", false)]
    [InlineData("https://ehr.example.org:8443/fhir", false)]
    [InlineData("http://ehr.example.org/fhir", false)]
    [InlineData("https://user@ehr.example.org/fhir", false)]
    [InlineData("https://ehr.example.org/fhir/%2e%2e/admin", false)]
    [InlineData("https://ehr.example.org.evil.example/fhir", false)]
    public void GivenAListedFhirServer_WhenAServerIsNamed_ThenOnlyWholeSegmentsUnderItPass(string server, bool allowed)
    {
        var policy = Policy(Clients(fhir: ["https://ehr.example.org/fhir"]), Environments.Production);

        Assert.Equal(allowed, policy.RefuseFhirServer(Issuer, new Uri(server)) is null);
    }

    [Fact]
    public void GivenAnotherClientsList_WhenThisClientNamesItsServer_ThenRefused()
    {
        var options = Clients(fhir: ["https://ehr.example.org/fhir"]);
        options.Clients.Add(new CdsClientRegistration { Issuer = "https://other.example", JwksFile = "k.json", AllowedFhirServers = ["https://other.example/fhir"] });

        Assert.NotNull(Policy(options, Environments.Production).RefuseFhirServer("https://other.example", new Uri("https://ehr.example.org/fhir")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/fhir", true)]
    [InlineData("http://localhost:8080/fhir", true)]
    [InlineData("http://10.0.0.5/fhir", false)]
    [InlineData("https://anywhere.example/fhir", true)]
    public void GivenDevelopmentWithoutLists_WhenAServerIsNamed_ThenHttpsOrLoopbackHttp(string server, bool allowed) =>
        Assert.Equal(allowed, Policy(Clients(), Environments.Development).RefuseFhirServer(Issuer, new Uri(server)) is null);

    [Fact]
    public void GivenProductionWithoutAList_WhenAnEndpointIsNamed_ThenNothingIsAllowed() =>
        Assert.False(Policy(Clients(fhir: ["https://ehr.example.org/fhir"]), Environments.Production).AllowsImagingEndpoint(Issuer, "https://pacs.example.org/dicom-web"));

    [Fact]
    public void GivenProduction_WhenAClientHasNoLists_ThenStartIsRefusedNamingThem()
    {
        var result = new ClientAccessOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, Clients());

        Assert.True(result.Failed);
        Assert.Contains("CdsClients:Clients:0:AllowedFhirServers is required", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("CdsClients:Clients:0:AllowedImagingEndpoints is required", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ehr.example.org/fhir")]
    [InlineData("https://ehr.example.org/fhir?x=1")]
    [InlineData("ehr.example.org/fhir")]
    public void GivenProduction_WhenAnEntryIsNotPlainHttps_ThenStartIsRefused(string entry) =>
        Assert.True(new ClientAccessOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production })
            .Validate(null, Clients(fhir: [entry], imaging: ["https://pacs.example.org/dicom-web"])).Failed);

    [Fact]
    public void GivenDevelopment_WhenListsAreAbsent_ThenStartIsAllowed() =>
        Assert.True(new ClientAccessOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Development }).Validate(null, Clients()).Succeeded);
}
