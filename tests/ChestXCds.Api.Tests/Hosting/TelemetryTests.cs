using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChestXCds.Analysis;
using ChestXCds.Api.Tests.Infrastructure;
using ChestXCds.Domain;
using ChestXCds.Imaging;
using ChestXCds.Imaging.Decoding;
using ChestXCds.Imaging.Display;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChestXCds.Api.Tests.Hosting;

/// <summary>
/// REQ-API-09: the host's OpenTelemetry providers export every ChestXCds source and meter (the analysis
/// emits "ChestXCds.Analysis"), and no exported span tag names the patient, the study or the token.
/// The AI path runs for real (pipeline, ONNX model on CPU, reasoning, FHIR mapping) on an image handed
/// over by a stand-in for the PACS.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly List<Activity> spans = [];
    private readonly List<Metric> metrics = [];
    private readonly ApiHarness harness = new(s =>
    {
        s["Analysis:Ai:Enabled"] = "true";
        s["Analysis:Ai:HookBudgetMilliseconds"] = "60000";
    });

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task GivenHookWithAiAnalysis_WhenTelemetryIsExported_ThenAnalysisSpansAndMetricsArriveWithoutIdentifiers()
    {
        harness.ServeStandardFhirData(TimeSpan.FromHours(5));
        using var factory = harness.Factory.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
        {
            services.AddSingleton<IChestImageRetriever, StandInPacs>();
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        }));
        using var client = factory.CreateClient();
        var body = HookBodies.OrderSign(harness.FhirBase).Clean().ToJsonString();

        using var response = await client.SendAsync(harness.Signed(HttpMethod.Post, "/cds-services/chestx-order-sign", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
        Assert.Equal("chest-ai-analysis", (string?)Assert.Single(cards)!["source"]!["topic"]!["code"]);
        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush());

        var exported = spans.ToList();
        Assert.Contains(exported, s => s.Source.Name == AnalysisTelemetry.Name && s.OperationName == "chestx.analysis.image");
        var meterNames = metrics.ToList().Where(m => m.MeterName == AnalysisTelemetry.Name).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("chestx.analysis.cache.lookups", meterNames);
        Assert.Contains("chestx.analysis.duration", meterNames);

        // The FHIR server stand-in (WireMock) runs on ASP.NET Core in this process: its own request spans
        // are the EHR's, not the service's, and are left out.
        var fakePorts = new[] { harness.Fhir.Port, harness.Jwks.Port };
        var ours = exported.Where(s => !(s.Kind == ActivityKind.Server && s.GetTagItem("server.port") is int port && fakePorts.Contains(port))).ToList();
        Assert.Contains(ours, s => s.Kind == ActivityKind.Client);
        string[] forbidden = [FhirFixtures.PatientId, FhirFixtures.StudyUid, FhirFixtures.AccessToken, "MRN-99812", "Quinlan"];
        foreach (var span in ours)
        {
            var tags = span.TagObjects.Concat(span.Events.SelectMany(e => e.Tags));
            var text = span.DisplayName + " " + string.Join(" ", tags.Select(t => t.Key + "=" + t.Value));
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"Span {span.Source.Name}/{span.DisplayName} carries an identifier or token: {text}");
            }
        }
    }

    /// <summary>The PACS answers the study with one synthetic 256x256 frontal CR (a gradient).</summary>
    private sealed class StandInPacs : IChestImageRetriever
    {
        public Task<RetrievedChestImage> RetrieveAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken ct)
        {
            const int size = 256;
            var pixels = new byte[size * size];
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = (byte)((i % size) ^ (i / size));
            }

            var attributes = new DicomImageAttributes(
                "1.2.3.4.5.6.7.3", "1.2.3.4.5.6.7.2", location.StudyInstanceUid, "CR", "PA", "CHEST",
                "1.2.840.10008.1.2.1", size, size, 8, 8, false, "MONOCHROME2", 1, 1, 1, 0);
            return Task.FromResult(new RetrievedChestImage(location.StudyInstanceUid, "1.2.3.4.5.6.7.2", "1.2.3.4.5.6.7.3", attributes, new DisplayImage(size, size, pixels)));
        }
    }
}
