using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Api.Tests.Infrastructure;

namespace ChestXCds.Api.Tests.Endpoints;

/// <summary>REQ-CDS-03: each prefetch key in each of the four cases (resource, null, OperationOutcome, absent), and 412 when data cannot be had.</summary>
public sealed class PrefetchMatrixTests : IClassFixture<SharedApiHarness>
{
    private static readonly string[] Keys = ["patient", "imagingStudies", "diagnosticReports"];
    private static readonly Dictionary<string, string> QueryPaths = new()
    {
        ["patient"] = "Patient",
        ["imagingStudies"] = "ImagingStudy",
        ["diagnosticReports"] = "DiagnosticReport",
    };

    private readonly SharedApiHarness harness;

    public PrefetchMatrixTests(SharedApiHarness harness)
    {
        this.harness = harness;
        harness.Fhir.Reset();
    }

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in Keys)
        {
            foreach (var kind in new[] { "resource", "null", "OperationOutcome", "absent" })
            {
                data.Add(key, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task GivenKeyInCase_WhenOrderSign_ThenQueriedOnlyWhenAbsentOrFailed(string key, string kind)
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(5));
        var prefetch = FullPrefetch(TimeSpan.FromHours(5));
        switch (kind)
        {
            case "null":
                prefetch[key] = null;
                break;
            case "OperationOutcome":
                prefetch[key] = JsonNode.Parse(FhirFixtures.OperationOutcome());
                break;
            case "absent":
                prefetch.Remove(key);
                break;
        }

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase, prefetch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queried = harness.FhirRequestsTo(QueryPaths[key]);
        Assert.Equal(kind is "OperationOutcome" or "absent" ? 1 : 0, queried);
        Assert.Equal(kind is "OperationOutcome" or "absent" ? 1 : 0, harness.Fhir.LogEntries.Count);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Equal(key == "imagingStudies" && kind == "null" ? 0 : 1, cards.Count);
    }

    [Fact]
    public async Task GivenEveryKeyPrefetched_WhenNoFhirServer_ThenCardWithoutAnyQuery()
    {
        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(null, FullPrefetch(TimeSpan.FromHours(2))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray());
        Assert.Empty(harness.Fhir.LogEntries);
    }

    [Theory]
    [InlineData("patient")]
    [InlineData("imagingStudies")]
    [InlineData("diagnosticReports")]
    public async Task GivenKeyAbsentAndNoFhirServer_WhenOrderSign_ThenPreconditionFailed(string key)
    {
        var prefetch = FullPrefetch(TimeSpan.FromHours(2));
        prefetch.Remove(key);

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(null, prefetch));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(key, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenKeyFailedAndFhirServerRefuses_WhenOrderSign_ThenPreconditionFailed()
    {
        harness.ServeFhir("ImagingStudy", FhirFixtures.OperationOutcome(), status: 403);
        var prefetch = FullPrefetch(TimeSpan.FromHours(2));
        prefetch["imagingStudies"] = JsonNode.Parse(FhirFixtures.OperationOutcome());

        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign(harness.FhirBase, prefetch));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(1, harness.FhirRequestsTo("ImagingStudy"));
    }

    [Fact]
    public async Task GivenFhirServerDown_WhenNothingPrefetched_ThenPreconditionFailed()
    {
        var response = await harness.PostHookAsync("chestx-order-sign", HookBodies.OrderSign("http://127.0.0.1:1/fhir"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    private static JsonObject FullPrefetch(TimeSpan studyAge)
    {
        var started = DateTimeOffset.UtcNow - studyAge;
        return new JsonObject
        {
            ["patient"] = JsonNode.Parse(FhirFixtures.Patient()),
            ["imagingStudies"] = JsonNode.Parse(FhirFixtures.Searchset(FhirFixtures.ChestStudy("img-cxr-1", started))),
            ["diagnosticReports"] = JsonNode.Parse(FhirFixtures.Searchset(FhirFixtures.Report("dr-1", "img-cxr-1", started.AddHours(1), "Clear lungs."))),
        };
    }
}
