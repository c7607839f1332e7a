using System.Text.Json.Nodes;
using ChestXCds.Cli.Demo;
using ChestXCds.EndToEnd.Tests.Infrastructure;
using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace ChestXCds.EndToEnd.Tests;

/// <summary>REQ-E2E-04: a FHIR Subscription notification queues the analysis before any hook fires.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PrecomputeTests(EndToEndWorld e2e, ITestOutputHelper output)
{
    [Fact]
    public async System.Threading.Tasks.Task GivenASubscriptionNotificationForANewStudy_WhenPrecomputed_ThenTheFirstHookFindsTheAnalysisReady()
    {
        // REQ-E2E-04
        await using var service = await e2e.StartServiceAsync(new Dictionary<string, string> { ["Analysis:HookBudgetMilliseconds"] = "10000", ["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = "0" });

        var notification = Notification(e2e.World.ImagingStudy("cxr-today"), DemoFhirData.Endpoint(e2e.World.Pacs.DicomWebBaseAddress));
        var queued = await e2e.SendAsync(service, HttpMethod.Post, "analysis/precompute", notification);
        Assert.Equal(202, queued.Status);
        Assert.Equal("ImagingStudy/cxr-today", queued.Json.GetProperty("queued")[0].GetProperty("imagingStudy").GetString());

        Assert.True(await Eventually.TrueAsync(() => service.CountOutput("[7101]") == 1), "The precomputed analysis did not complete. Output:\n" + service.OutputTail);

        var hook = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-patient-view", e2e.World.PatientViewRequest());
        output.WriteLine($"first patient-view after precompute: {hook.Status} in {hook.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(["chest-ai-analysis"], hook.Topics);
        Assert.Equal(1, service.CountOutput("[7101]"));
    }

    [Fact]
    public async System.Threading.Tasks.Task GivenABodyWithoutAnImagingStudy_WhenPrecomputed_Then400SaysWhatIsMissing()
    {
        // REQ-E2E-04
        await using var service = await e2e.StartServiceAsync();

        var patient = await e2e.SendAsync(service, HttpMethod.Post, "analysis/precompute", JsonNode.Parse(DemoFhirData.Serialize(DemoFhirData.Patient())));
        Assert.Equal(400, patient.Status);
        Assert.Contains("No ImagingStudy", patient.Body, StringComparison.Ordinal);

        var notFhir = await e2e.SendAsync(service, HttpMethod.Post, "analysis/precompute", new JsonObject { ["hello"] = "world" });
        Assert.Equal(400, notFhir.Status);
        Assert.Contains("not a FHIR R4 resource", notFhir.Body, StringComparison.Ordinal);
    }

    /// <summary>An R4 Subscription notification (Subscriptions R5 Backport IG shape): a history Bundle, status Parameters first, then the full resources.</summary>
    private static JsonNode Notification(ImagingStudy study, Endpoint endpoint)
    {
        var status = new Parameters();
        status.Add("subscription", new ResourceReference("Subscription/new-chest-studies"));
        status.Add("type", new Code("event-notification"));
        status.Add("events-since-subscription-start", new FhirString("1"));
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.History,
            Timestamp = DateTimeOffset.UtcNow,
            Entry =
            [
                new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = status },
                new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = study, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.POST, Url = "ImagingStudy" }, Response = new Bundle.ResponseComponent { Status = "201" } },
                new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = endpoint, Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = "Endpoint/" + endpoint.Id }, Response = new Bundle.ResponseComponent { Status = "200" } },
            ],
        };
        return JsonNode.Parse(DemoFhirData.Serialize(bundle))!;
    }
}
