using System.Text;
using System.Text.Json;
using ChestXCds.Analysis.Ai;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Tests.Ai;

/// <summary>REQ-ANA-06: a remembered suggestion is re-stamped with fresh ids and stays the same resources.</summary>
public sealed class SuggestionResourceTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions FhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    internal static AnalysisResources Mapped()
    {
        var model = new ModelDescriptor("nih-multilabel", "1.0.0", "CPU", null, "Weak research model; not for clinical use.");
        FindingScore[] scores = [new("Effusion", 0.7, 0.37), new("Edema", 0.1, 0.5)];
        var chains = ReasoningFixture.Engine.Reason(scores, [new PriorReport("DiagnosticReport/r1", Now.AddDays(-30), "IMPRESSION: Small left pleural effusion.")]);
        var analysis = new StudyAnalysis("1.2.3.4", "1.2.3.4.5", model, scores, chains, ["DiagnosticReport/r1"], Now);
        return new AnalysisMapper(Options.Create(new FhirMappingOptions()))
            .Map(analysis, new AnalysisFhirContext("Patient/p1", "ImagingStudy/cxr-1", "1.2.3.4", Now, "ServiceRequest/sr1", "Practitioner/u1"));
    }

    [Fact]
    public void GivenMappedResources_WhenStampedTwice_ThenEachStampHasFreshUniqueIds()
    {
        // REQ-ANA-06
        var mapped = Mapped();
        var template = SuggestionResourceTemplate.From(mapped);

        var first = template.Stamp();
        var second = template.Stamp();

        Assert.Equal(mapped.All.Count, first.Count);
        var ids = first.Concat(second).Select(r => r.Id!).ToList();
        Assert.All(ids, id => Assert.True(Guid.TryParseExact(id, "D", out _), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(ids, id => mapped.All.Any(r => r.Id == id));
        Assert.Equal(mapped.All.Select(r => r.TypeName), first.Select(r => r.ResourceType));
    }

    [Fact]
    public void GivenAStamp_WhenItsIdsAreMappedBack_ThenItIsByteForByteTheOriginalSerialisation()
    {
        // REQ-ANA-06: only the ids change; every reference between the resources follows its target.
        var mapped = Mapped();
        var stamped = SuggestionResourceTemplate.From(mapped).Stamp();
        var back = stamped.Select((r, i) => (Fresh: r.Id!, Original: mapped.All[i].Id!)).ToList();

        for (var i = 0; i < stamped.Count; i++)
        {
            var text = Encoding.UTF8.GetString(stamped[i].Utf8Json.Span);
            foreach (var (fresh, original) in back)
            {
                text = text.Replace(fresh, original, StringComparison.Ordinal);
            }

            Assert.Equal(JsonSerializer.Serialize(mapped.All[i], mapped.All[i].GetType(), FhirJson), text);
        }
    }

    [Fact]
    public void GivenAStamp_WhenParsedWithFirely_ThenTheGroupingObservationAndProvenancePointAtTheStampedResources()
    {
        // REQ-ANA-06
        var stamped = SuggestionResourceTemplate.From(Mapped()).Stamp();
        var resources = stamped.Select(r => (Resource)JsonSerializer.Deserialize(r.Utf8Json.Span, typeof(Resource), FhirJson)!).ToList();
        var observations = resources.OfType<Observation>().Select(o => $"Observation/{o.Id}").ToHashSet(StringComparer.Ordinal);
        var grouping = resources.OfType<Observation>().Single(o => o.HasMember.Count > 0);
        var provenance = resources.OfType<Provenance>().Single();

        Assert.All(grouping.HasMember, m => Assert.Contains(m.Reference!, observations));
        Assert.Equal(observations.Count - 1, grouping.HasMember.Count);
        Assert.Equal(observations.OrderBy(o => o, StringComparer.Ordinal), provenance.Target.Select(t => t.Reference).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Contains(provenance.Agent, a => a.Who.Reference == $"Device/{resources.OfType<Device>().Single().Id}");
    }

    [Fact]
    public void GivenAResourceWithoutAUuidId_WhenTemplated_ThenRefused()
    {
        var mapped = Mapped();
        mapped.Device.Id = "device-1";

        Assert.Throws<ArgumentException>(() => SuggestionResourceTemplate.From(mapped));
    }
}
