using System.Text.Json;
using ChestXCds.EndToEnd.Tests.Infrastructure;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Validation;
using Xunit.Abstractions;

namespace ChestXCds.EndToEnd.Tests;

/// <summary>REQ-E2E-01..03: a signed chest X-ray order, against real Orthanc, a FHIR server, the real model and the service process.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OrderSignTests(EndToEndWorld e2e, ITestOutputHelper output)
{
    private const string AnalysisCompleted = "[7101]";

    [Fact]
    public async Task GivenAChestXrayOrder_WhenTheAnalysisFitsTheBudget_ThenOneAiCardCarriesValidResourcesAndTheSecondCallIsACacheHit()
    {
        // REQ-E2E-01, REQ-E2E-02
        await using var service = await e2e.StartServiceAsync(new Dictionary<string, string> { ["Analysis:HookBudgetMilliseconds"] = "60000", ["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = "60000" });

        var first = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", e2e.World.OrderSignRequest());
        output.WriteLine($"cold order-sign: {first.Status} in {first.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(200, first.Status);
        Assert.Equal(["chest-ai-analysis"], first.Topics);

        var card = first.Card("chest-ai-analysis");
        var summary = card.GetProperty("summary").GetString()!;
        Assert.True(summary.Length < 140, summary);
        Assert.StartsWith("Chest X-ray already done", summary, StringComparison.Ordinal);
        Assert.Contains(card.GetProperty("indicator").GetString(), new[] { "info", "warning", "critical" });
        var detail = card.GetProperty("detail").GetString()!;
        Assert.Contains("Possible duplicate exposure", detail, StringComparison.Ordinal);
        Assert.Contains("[Supported]", detail, StringComparison.Ordinal);
        Assert.Contains("The heart is enlarged", detail, StringComparison.Ordinal);

        // REQ-CDS-11: the duplicate warning's "remove the new order" stays beside the AI result in the one card.
        var labels = card.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("label").GetString()!).ToList();
        Assert.Equal(2, labels.Count);
        Assert.StartsWith("Remove the new order", labels[0], StringComparison.Ordinal);
        Assert.Equal("Record AI findings", labels[1]);
        Assert.Equal("any", card.GetProperty("selectionBehavior").GetString());
        var resources = ActionResources(card);
        Assert.All(resources, r => Assert.Equal("create", r.Type));
        var types = resources.Select(r => r.Resource.GetProperty("resourceType").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "Observation", "Device", "DocumentReference", "Provenance" }, types);
        AssertValidAndLinked(resources);

        var second = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", e2e.World.OrderSignRequest());
        output.WriteLine($"warm order-sign: {second.Status} in {second.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(["chest-ai-analysis"], second.Topics);
        Assert.Equal(1, service.CountOutput(AnalysisCompleted));

        // REQ-ANA-06: the repeated hook (same inputs) offers the same resources, ids derived from its inputs, as valid and as linked.
        var again = ActionResources(second.Card("chest-ai-analysis"));
        Assert.Equal(resources.Select(r => r.Resource.GetRawText()), again.Select(r => r.Resource.GetRawText()));
        AssertValidAndLinked(again);
    }

    private static List<(string? Type, JsonElement Resource)> ActionResources(JsonElement card) =>
        card.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("label").GetString() == "Record AI findings").GetProperty("actions").EnumerateArray()
            .Select(a => (Type: a.GetProperty("type").GetString(), Resource: a.GetProperty("resource")))
            .ToList();

    private static HashSet<string> IdsOf(List<(string? Type, JsonElement Resource)> resources) =>
        resources.Select(r => $"{r.Resource.GetProperty("resourceType").GetString()}/{r.Resource.GetProperty("id").GetString()}").ToHashSet(StringComparer.Ordinal);

    private static void AssertValidAndLinked(List<(string? Type, JsonElement Resource)> resources)
    {
        var validator = new FirelyResourceValidator();
        foreach (var (_, json) in resources)
        {
            var resource = FhirJson.TryParse(json) ?? throw new InvalidOperationException("Not FHIR: " + json);
            var result = validator.Validate(resource);
            Assert.True(result.IsValid, $"{result.ResourceLabel}: {string.Join("; ", result.Errors.Select(e => e.ToString()))}");
        }

        // Provenance points at Observations created by the same suggestion.
        var ids = IdsOf(resources);
        var provenance = resources.Single(r => r.Resource.GetProperty("resourceType").GetString() == "Provenance").Resource;
        Assert.All(provenance.GetProperty("target").EnumerateArray(), t => Assert.Contains(t.GetProperty("reference").GetString()!, ids));
    }

    [Fact]
    public async Task GivenATinyBudget_WhenTheStudyIsNotAnalysedYet_ThenTheHookAnswersWhatIsKnownAndALaterCallHasTheAiCard()
    {
        // REQ-E2E-03
        await using var service = await e2e.StartServiceAsync(new Dictionary<string, string> { ["Analysis:HookBudgetMilliseconds"] = "10000", ["Analysis:Ai:MaxAnalysisWaitMilliseconds"] = "0" });

        var atOrder = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-order-sign", e2e.World.OrderSignRequest());
        output.WriteLine($"order-sign while analysing: {atOrder.Status} in {atOrder.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(200, atOrder.Status);
        Assert.Equal(["prior-chest-imaging"], atOrder.Topics);

        var atChart = await e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-patient-view", e2e.World.PatientViewRequest());
        Assert.Equal(200, atChart.Status);
        Assert.Contains(atChart.Topics.Single(), new[] { "chest-ai-analysis-pending", "chest-ai-analysis" });

        var later = await Eventually.Async(
            () => e2e.SendAsync(service, HttpMethod.Post, "cds-services/chestx-patient-view", e2e.World.PatientViewRequest()),
            answer => answer.Topics.Contains("chest-ai-analysis"));
        Assert.Equal(["chest-ai-analysis"], later.Topics);
        Assert.Equal(1, service.CountOutput(AnalysisCompleted));
    }
}
