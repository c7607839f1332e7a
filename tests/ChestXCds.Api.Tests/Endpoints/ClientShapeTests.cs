using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Endpoints;

/// <summary>REQ-CDS-08: requests in the shapes the CDS Hooks sandbox and Epic send both succeed.</summary>
public sealed class ClientShapeTests : IDisposable
{
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenSandboxShapedOrderSign_WhenPosted_ThenCard()
    {
        var started = FhirFixtures.Time(DateTimeOffset.UtcNow.AddHours(-6));
        var body = $$$"""
        {
          "hookInstance": "{{{Guid.NewGuid()}}}",
          "fhirServer": "{{{harness.FhirBase}}}",
          "hook": "order-sign",
          "fhirAuthorization": {"access_token": "{{{FhirFixtures.AccessToken}}}", "token_type": "Bearer", "expires_in": 300,
                                "scope": "user/*.read", "subject": "cds-service"},
          "context": {
            "userId": "Practitioner/COREPRACTITIONER1",
            "patientId": "{{{FhirFixtures.PatientId}}}",
            "draftOrders": {"resourceType": "Bundle", "entry": [{"resource":
              {"resourceType": "ServiceRequest", "id": "request-123", "status": "draft", "intent": "order",
               "code": {"coding": [{"system": "http://loinc.org", "code": "36643-5", "display": "XR Chest 2 Views"}]},
               "subject": {"reference": "Patient/{{{FhirFixtures.PatientId}}}"} } }]}
          },
          "prefetch": {
            "patient": {{{FhirFixtures.Patient()}}},
            "imagingStudies": {"resourceType": "Bundle", "id": "b1", "meta": {"lastUpdated": "{{{started}}}"}, "type": "searchset", "total": 1,
              "link": [{"relation": "self", "url": "{{{harness.FhirBase}}}/ImagingStudy?patient={{{FhirFixtures.PatientId}}}"}],
              "entry": [{"fullUrl": "{{{harness.FhirBase}}}/ImagingStudy/img-9", "resource": {{{FhirFixtures.ChestStudy("img-9", DateTimeOffset.UtcNow.AddHours(-6), modality: "DX")}}},
                         "search": {"mode": "match"}}]},
            "diagnosticReports": {"resourceType": "Bundle", "type": "searchset", "total": 0}
          }
        }
        """;

        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign", body, alg: "ES256"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        Assert.Empty(harness.Fhir.LogEntries);
    }

    [Fact]
    public async Task GivenEpicShapedOrderSign_WhenPosted_ThenCard()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(10));
        var body = $$$"""
        {
          "hook": "order-sign",
          "hookInstance": "{{{Guid.NewGuid()}}}",
          "fhirServer": "{{{harness.FhirBase}}}",
          "fhirAuthorization": {"access_token": "{{{FhirFixtures.AccessToken}}}", "token_type": "Bearer", "expires_in": 3600,
                                "scope": "Patient.Read ImagingStudy.Read DiagnosticReport.Read", "subject": "a1b2c3d4-epic-client",
                                "patient": "{{{FhirFixtures.PatientId}}}"},
          "context": {
            "userId": "PractitionerRole/eZ3m8Qq2l7FLn2zu7UXzbgQ3",
            "patientId": "{{{FhirFixtures.PatientId}}}",
            "encounterId": "eNb7pQ3-encounter",
            "draftOrders": {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
              "resourceType": "ServiceRequest", "id": "eOrd123.1",
              "extension": [{"url": "http://open.epic.com/FHIR/StructureDefinition/extension/order-class", "valueCoding": {"code": "1", "display": "Normal"}}],
              "status": "draft", "intent": "order",
              "code": {"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", "code": "IMG3201", "display": "XR CHEST 2 VIEWS"},
                                  {"system": "urn:oid:2.16.840.1.113883.6.12", "code": "71046"}], "text": "XR CHEST 2 VIEWS"},
              "subject": {"reference": "Patient/{{{FhirFixtures.PatientId}}}"} } }]}
          },
          "extension": {
            "com.epic.cdshooks.request.bpa-trigger-action": "23",
            "com.epic.cdshooks.request.cds-hooks-specification-version": "1.0",
            "com.epic.cdshooks.request.fhir-version": "R4",
            "com.epic.cdshooks.request.criteria-id": "1200",
            "com.epic.cdshooks.request.cds-hooks-su-id": "1001"
          }
        }
        """;

        var response = await harness.Client().SendAsync(harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign", body, alg: "RS384"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal("ServiceRequest/eOrd123.1", (string?)card["suggestions"]![0]!["actions"]![0]!["resourceId"]![0]);
        Assert.Equal("any", (string?)card["selectionBehavior"]);
    }
}
