using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Endpoints;

/// <summary>REQ-SEC-02: a hook whose fhirServer is not in the client's list gets 400 naming the field, and no request leaves.</summary>
public sealed class ClientAccessTests : IDisposable
{
    private readonly ApiHarness harness;

    public ClientAccessTests() => harness = new ApiHarness(s =>
    {
        s["CdsClients:Clients:0:AllowedFhirServers:0"] = "http://127.0.0.1:1/only-this-server";
        s["CdsClients:Clients:0:AllowedImagingEndpoints:0"] = "https://pacs.example.org/dicom-web";
    });

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenAFhirServerOutsideTheClientsList_WhenAHookIsPosted_Then400NamingFhirServerAndNoFhirRequest()
    {
        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("fhirServer", errors.Select(e => e.Key));
        Assert.Empty(harness.Fhir.LogEntries);
    }

    [Fact]
    public async Task GivenATokenScopedToAnotherPatient_WhenAHookIsPosted_Then400NamingFhirAuthorizationPatient()
    {
        var body = HookBodies.OrderSign(harness.FhirBase);
        body["fhirAuthorization"]!["patient"] = "someone-else";

        var response = await harness.PostHookAsync("chestx-order-sign", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("fhirAuthorization.patient", errors.Select(e => e.Key));
        Assert.Empty(harness.Fhir.LogEntries);
    }

    [Fact]
    public async Task GivenAPrecomputeNamingAnEndpointOutsideTheClientsList_WhenPosted_Then400NamingTheStudyAndNothingQueued()
    {
        const string study = """
            {"resourceType":"ImagingStudy","id":"s1","status":"available","subject":{"reference":"Patient/p1"},
             "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:1.2.3.4"}],
             "contained":[{"resourceType":"Endpoint","id":"pacs","status":"active",
               "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
               "payloadType":[{"text":"DICOM"}],"address":"https://attacker.example/dicom-web"}],
             "endpoint":[{"reference":"#pacs"}]}
            """;

        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, "/analysis/precompute", study));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ImagingStudy/s1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
