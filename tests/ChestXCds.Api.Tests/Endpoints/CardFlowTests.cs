using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.Api.Tests.Endpoints;

/// <summary>REQ-CDS-04: the prior-chest-radiograph card from FHIR data alone, queried from the FHIR server.</summary>
public sealed class CardFlowTests : IDisposable
{
    private readonly ApiHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenChestXrayOrderAndCxr5HoursAgo_WhenOrderSign_ThenWarningCardWithImpression()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(5));

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var card = Assert.Single(body["cards"]!.AsArray())!;
        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Equal("prior-chest-imaging", (string?)card["source"]!["topic"]!["code"]);
        Assert.Contains("5 h ago", (string?)card["summary"], StringComparison.Ordinal);
        Assert.Contains("No acute cardiopulmonary process", (string?)card["detail"], StringComparison.Ordinal);
        Assert.Contains(FhirFixtures.StudyUid.Replace(".", "\\.", StringComparison.Ordinal), (string?)card["detail"], StringComparison.Ordinal);
        Assert.Equal("any", (string?)card["selectionBehavior"]);
        Assert.Equal("ServiceRequest/sr-cxr-1", (string?)card["suggestions"]![0]!["actions"]![0]!["resourceId"]![0]);
        Assert.Empty(JsonHygiene.FindEmptyMembers(body));
        Assert.All(harness.Fhir.LogEntries, e => Assert.Equal("Bearer " + FhirFixtures.AccessToken, e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task GivenCxrOutsideTheLookBack_WhenOrderSign_ThenNoCards()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(80));

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenLongerConfiguredLookBack_WhenCxrIs80HoursOld_ThenCard()
    {
        using var longer = new ApiHarness(s => s["Analysis:DuplicateLookBackHours"] = "96");
        longer.ServeStandardFhirData(TimeSpan.FromHours(80));

        var response = await longer.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(longer.FhirBase));

        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
    }

    [Fact]
    public async Task GivenNoChestImagingOrder_WhenOrderSign_ThenNoCards()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(5));
        var body = HookBodies.OrderSign(harness.FhirBase);
        body["context"]!["draftOrders"] = JsonNode.Parse(FhirFixtures.DraftOrders(code: "70450"));

        var response = await harness.PostHookAsync("chestx-order-sign", body);

        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GivenSnomedChestOrderAtOrderSelect_WhenCxrRecent_ThenCard()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(30));
        var body = HookBodies.OrderSelect(harness.FhirBase);
        body["context"]!["draftOrders"] = JsonNode.Parse(FhirFixtures.DraftOrders(code: "399208008", system: "http://snomed.info/sct"));

        var response = await harness.PostHookAsync("chestx-order-select", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
    }

    [Fact]
    public async Task GivenOldChestStudy_WhenPatientView_ThenInfoCardWithLatestStudy()
    {
        harness.ServeStandardFhirData(TimeSpan.FromDays(20));

        var response = await harness.PostHookAsync("chestx-patient-view", HookBodies.PatientView(harness.FhirBase));

        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Equal("latest-chest-study", (string?)card["source"]!["topic"]!["code"]);
        Assert.Contains("No acute cardiopulmonary process", (string?)card["detail"], StringComparison.Ordinal);
        Assert.Null(card["suggestions"]);
        Assert.Null(card["selectionBehavior"]);
    }

    [Fact]
    public async Task GivenPagedImagingStudies_WhenHookQueries_ThenTheStudyOnPageTwoIsFound()
    {
        var started = DateTimeOffset.UtcNow.AddHours(-3);
        harness.ServeFhir($"Patient/{FhirFixtures.PatientId}", FhirFixtures.Patient());
        harness.ServeFhir("ImagingStudy", FhirFixtures.PagedSearchset(harness.FhirBase + "/ImagingStudy?page=2&patient=" + FhirFixtures.PatientId,
            FhirFixtures.HeadCtStudy("img-ct-1", started)), paramName: "_count", paramValue: "50");
        harness.ServeFhir("ImagingStudy", FhirFixtures.Searchset(FhirFixtures.ChestStudy("img-cxr-2", started)), paramName: "page", paramValue: "2");
        harness.ServeFhir("DiagnosticReport", FhirFixtures.Searchset(), paramName: "patient", paramValue: FhirFixtures.PatientId);

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase));

        var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
        Assert.Contains("No report of this study was found", (string?)card["detail"], StringComparison.Ordinal);
        Assert.Equal(2, harness.FhirRequestsTo("ImagingStudy"));
    }

    // REQ-CDS-13: a DX study with only its UID and a referenced Endpoint, the way sparse feeds send it, is asked
    // about over QIDO-RS (once for repeated hooks) and gives the card a fully described chest study gives.
    [Fact]
    public async Task GivenASparseDxStudyWhoseDicomHeaderSaysChest_WhenOrderSignedTwice_ThenWarningCardsAndOneQidoRequest()
    {
        using var sparse = new ApiHarness(s =>
        {
            // A deadline no busy test machine reaches: this test is about what is selected, not about time.
            s["Analysis:HookBudgetMilliseconds"] = "30000";
            s["Analysis:DicomBodyPartWaitMilliseconds"] = "30000";
        });
        var started = DateTimeOffset.UtcNow.AddHours(-5);
        sparse.ServeFhir($"Patient/{FhirFixtures.PatientId}", FhirFixtures.Patient());
        sparse.ServeFhir("ImagingStudy", FhirFixtures.Searchset($$$"""
            {"resourceType":"ImagingStudy","id":"img-sparse-1","status":"available",
             "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:{{{FhirFixtures.StudyUid}}}"}],
             "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"DX"}],
             "subject":{"reference":"Patient/{{{FhirFixtures.PatientId}}}"},"started":"{{{FhirFixtures.Time(started)}}}",
             "endpoint":[{"reference":"Endpoint/pacs-1"}]}
            """), paramName: "patient", paramValue: FhirFixtures.PatientId);
        sparse.ServeFhir("DiagnosticReport", FhirFixtures.Searchset(), paramName: "patient", paramValue: FhirFixtures.PatientId);
        sparse.ServeFhir("Endpoint/pacs-1", $$$"""
            {"resourceType":"Endpoint","id":"pacs-1","status":"active",
             "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
             "payloadType":[{"text":"DICOM"}],"address":"{{{sparse.Fhir.Url}}}/dicom-web"}
            """);
        var qido = $"/dicom-web/studies/{FhirFixtures.StudyUid}/series";
        sparse.Fhir.Given(WireMock.RequestBuilders.Request.Create().WithPath(qido).UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/dicom+json")
                .WithBody("""[{"00080060":{"vr":"CS","Value":["DX"]},"00180015":{"vr":"CS","Value":["CHEST"]}}]"""));

        var first = await sparse.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(sparse.FhirBase));
        var second = await sparse.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(sparse.FhirBase));

        foreach (var response in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var card = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray())!;
            Assert.Equal("warning", (string?)card["indicator"]);
            Assert.Equal("prior-chest-imaging", (string?)card["source"]!["topic"]!["code"]);
            Assert.Contains("5 h ago", (string?)card["summary"], StringComparison.Ordinal);
        }

        var qidoRequests = sparse.Fhir.LogEntries.Where(e => e.RequestMessage.Path == qido).ToList();
        var request = Assert.Single(qidoRequests).RequestMessage;
        Assert.Contains("includefield=00180015", request.Url, StringComparison.Ordinal);
        Assert.False(request.Headers?.ContainsKey("Authorization") ?? false, "the FHIR token went to the PACS");
    }
}
