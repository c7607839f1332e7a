// FHIR POCO members are nullable by design; these tests dereference what the mapper guarantees, and a null fails the test.
#nullable disable warnings

using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Tests.Mapping;

public sealed class AnalysisMapperTests
{
    private readonly AnalysisMapper _mapper = new(Options.Create(new FhirMappingOptions { DeviceManufacturer = "Test Lab" }));

    // REQ-FHIRMAP-01: ids are fresh UUIDs tying the suggestion together; hasMember and Provenance.target point at them.
    [Fact]
    public void GivenAnAnalysis_WhenMapped_ThenHasMemberAndProvenanceTargetPointAtTheMintedObservations()
    {
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context());

        var memberRefs = resources.Analysis.HasMember.Select(r => r.Reference).ToList();
        Assert.Equal([.. resources.Findings.Select(Ref), .. resources.Steps.Select(Ref)], memberRefs);
        Assert.Equal(
            [Ref(resources.Analysis), .. resources.Findings.Select(Ref), .. resources.Steps.Select(Ref)],
            resources.Provenance.Target.Select(t => t.Reference).ToList());
        Assert.All(resources.All, r => Assert.True(Guid.TryParse(r.Id, out _), $"{r.TypeName} id '{r.Id}' is not a UUID"));
        Assert.Equal(resources.All.Count, resources.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void GivenTheSameAnalysisTwice_WhenMapped_ThenNoIdIsReused()
    {
        var first = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context()).All.Select(r => r.Id);
        var second = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context()).All.Select(r => r.Id);

        Assert.Empty(first.Intersect(second));
    }

    // REQ-FHIRMAP-01: All lists a resource after every resource it references (create order).
    [Fact]
    public void GivenMappedResources_WhenListedInCreateOrder_ThenEveryInternalReferenceIsToAnEarlierResource()
    {
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context());
        var seen = new HashSet<string>();
        var minted = resources.All.Select(Ref).ToHashSet();

        foreach (var resource in resources.All)
        {
            foreach (var reference in References(resource).Where(minted.Contains))
            {
                Assert.Contains(reference, seen);
            }

            seen.Add(Ref(resource));
        }
    }

    // REQ-FHIRMAP-02: AIAST on every resource, and each declares its profile.
    [Fact]
    public void GivenMappedResources_WhenInspected_ThenEachCarriesAiastAndItsProfile()
    {
        var resources = _mapper.Map(AnalysisSamples.Uncertain(), AnalysisSamples.Context());

        Assert.All(resources.All, r =>
        {
            Assert.Contains(r.Meta.Security, c => c.System == ChestXTerminology.V3ObservationValue && c.Code == "AIAST");
            Assert.Single(r.Meta.Profile);
        });
        Assert.Equal(ChestXProfiles.AnalysisObservation, resources.Analysis.Meta.Profile.Single());
        Assert.Equal(ChestXProfiles.AIProvenance, resources.Provenance.Meta.Profile.Single());
    }

    // REQ-FHIRMAP-03: Observations per STANDARDS.md (preliminary, imaging, subject, study by urn:dicom:uid, basedOn, device, issued, chest).
    [Fact]
    public void GivenAnOrder_WhenMapped_ThenEveryObservationCarriesTheStandardElements()
    {
        var context = AnalysisSamples.Context();
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), context);

        Assert.All([resources.Analysis, .. resources.Findings, .. resources.Steps], o =>
        {
            Assert.Equal(ObservationStatus.Preliminary, o.Status);
            Assert.Equal("imaging", o.Category.Single().Coding.Single().Code);
            Assert.Equal("Patient/pat-1", o.Subject.Reference);
            Assert.Equal("ServiceRequest/order-7", o.BasedOn.Single().Reference);
            var study = o.PartOf.Single();
            Assert.Equal("ImagingStudy/study-1", study.Reference);
            Assert.Equal("urn:dicom:uid", study.Identifier.System);
            Assert.Equal("urn:oid:" + AnalysisSamples.StudyUid, study.Identifier.Value);
            Assert.Equal("ImagingStudy/study-1", o.DerivedFrom.Single().Reference);
            Assert.Equal(Ref(resources.Device), o.Device.Reference);
            Assert.Equal(context.Issued, o.Issued);
            Assert.Equal("51185008", o.BodySite.Coding.Single().Code);
        });
    }

    [Fact]
    public void GivenNoOrderAndNoUser_WhenMapped_ThenNoBasedOnAndOnlyTheAiAgent()
    {
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context(withOrder: false, withUser: false));

        Assert.All(resources.Findings, o => Assert.Empty(o.BasedOn));
        Assert.Equal(Ref(resources.Device), resources.Provenance.Agent.Single().Who.Reference);
    }

    // REQ-FHIRMAP-04: findings present, with probability, threshold, confidence, temporal change and interpretation.
    [Fact]
    public void GivenFindingsPresent_WhenMapped_ThenChainAndPositiveScoreFindingsAreAssertedPresentHighestFirst()
    {
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context());

        Assert.Equal(["60046008", "8186001"], resources.Findings.Select(f => f.Code.Coding[0].Code));
        var effusion = resources.Findings[0];
        Assert.Equal("present", ((CodeableConcept)effusion.Value).Coding[0].Code);
        Assert.Equal("POS", effusion.Interpretation.Single().Coding[0].Code);
        Assert.Equal(0.87m, Component<Quantity>(effusion, "probability").Value);
        Assert.Equal(0.42m, Component<Quantity>(effusion, "threshold").Value);
        Assert.Equal(0.9m, Component<Quantity>(effusion, "confidence").Value);
        Assert.Equal("worsening", Component<CodeableConcept>(effusion, "temporal-change").Coding[0].Code);
        Assert.Contains("Pleural effusion: present (p 0.87)", ((FhirString)resources.Analysis.Value).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoFindings_WhenMapped_ThenNoFindingOrStepObservationsAndTheSummarySaysSo()
    {
        var resources = _mapper.Map(AnalysisSamples.NoFindings(), AnalysisSamples.Context());

        Assert.Empty(resources.Findings);
        Assert.Empty(resources.Steps);
        Assert.Empty(resources.Analysis.HasMember);
        Assert.Equal("AI analysis: no finding present or uncertain.", ((FhirString)resources.Analysis.Value).Value);
        Assert.Equal([Ref(resources.Analysis)], resources.Provenance.Target.Select(t => t.Reference));
    }

    [Fact]
    public void GivenAnUncertainChain_WhenMapped_ThenTheFindingIsUncertainAndTheUnverifiedStepSaysSo()
    {
        var resources = _mapper.Map(AnalysisSamples.Uncertain(), AnalysisSamples.Context());

        var pneumonia = resources.Findings.Single();
        Assert.Equal("uncertain", ((CodeableConcept)pneumonia.Value).Coding[0].Code);
        Assert.Equal("IND", pneumonia.Interpretation.Single().Coding[0].Code);
        var unverified = resources.Steps[1];
        Assert.Equal("unverifiable", Component<CodeableConcept>(unverified, "step-verdict").Coding[0].Code);
        Assert.Equal("The step was not verified.", Component<FhirString>(unverified, "verdict-reason").Value);
    }

    // REQ-FHIRMAP-05: one Observation per step: text, kind, verdict and evidence (report quotes as references).
    [Fact]
    public void GivenReasoningSteps_WhenMapped_ThenEachStepCarriesTextKindVerdictAndEvidence()
    {
        var analysis = AnalysisSamples.FindingsPresent();
        var resources = _mapper.Map(analysis, AnalysisSamples.Context());

        var chain = analysis.Chains.Single();
        Assert.Equal(chain.Steps.Count, resources.Steps.Count);
        var report = resources.Steps[2];
        Assert.Equal(chain.Steps[2].Text, ((FhirString)report.Value).Value);
        Assert.Equal(2, Component<Integer>(report, "step-index").Value);
        Assert.Equal("prior-report-evidence", Component<CodeableConcept>(report, "step-kind").Coding[0].Code);
        Assert.Equal("supported", Component<CodeableConcept>(report, "step-verdict").Coding[0].Code);
        Assert.Equal("Is there a pleural effusion?", Component<FhirString>(report, "chain-question").Value);
        var evidence = report.Extension.Single(e => e.Url == ChestXProfiles.StepEvidenceExtension);
        Assert.Equal("report-sentence", ((Code)evidence.GetExtension("kind").Value).Value);
        Assert.Equal("DiagnosticReport/rep-1", ((ResourceReference)evidence.GetExtension("source").Value).Reference);
        Assert.Equal("Small left pleural effusion.", ((FhirString)evidence.GetExtension("quote").Value).Value);
        Assert.Equal("present", ((Code)evidence.GetExtension("assertion").Value).Value);

        var image = resources.Steps[1].Extension.Single(e => e.Url == ChestXProfiles.StepEvidenceExtension);
        Assert.Equal("nih-multilabel 1.2.0", ((FhirString)image.GetExtension("source").Value).Value);
        Assert.Equal(0.87m, ((FhirDecimal)image.GetExtension("score").Value).Value);
    }

    // REQ-FHIRMAP-06: Device (AIDevice shape), model card, and Provenance (AIProvenance shape).
    [Fact]
    public void GivenAModel_WhenMapped_ThenTheDeviceAndModelCardDescribeIt()
    {
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), AnalysisSamples.Context());

        var device = resources.Device;
        Assert.Equal("Artificial-Intelligence", device.Type.Coding.Single().Code);
        Assert.Equal("nih-multilabel", device.DeviceName.Single().Name);
        Assert.Equal("1.2.0", device.Version.Single().Value);
        Assert.Equal("Test Lab", device.Manufacturer);
        Assert.Equal(Ref(resources.ModelCard), ((ResourceReference)device.GetExtension(ChestXProfiles.ModelCardExtension).Value).Reference);
        var markdown = System.Text.Encoding.UTF8.GetString(resources.ModelCard.Content.Single().Attachment.Data);
        Assert.Contains(AnalysisSamples.Model.ModelCardSummary, markdown, StringComparison.Ordinal);
        Assert.Equal("text/markdown", resources.ModelCard.Content.Single().Attachment.ContentType);
    }

    [Fact]
    public void GivenPriorReportsAndAUser_WhenMapped_ThenTheProvenanceNamesAgentsAndEntities()
    {
        var context = AnalysisSamples.Context(reports: ["DiagnosticReport/rep-2", "DiagnosticReport/rep-1"]);
        var resources = _mapper.Map(AnalysisSamples.FindingsPresent(), context);

        var provenance = resources.Provenance;
        Assert.Equal("AIAST", provenance.Reason.Single().Coding.Single().Code);
        Assert.Equal(context.Issued, provenance.Recorded);
        Assert.Equal([Ref(resources.Device), "Practitioner/dr-3"], provenance.Agent.Select(a => a.Who.Reference));
        Assert.Equal(
            [
                ("ImagingStudy/study-1", Provenance.ProvenanceEntityRole.Source),
                ("DiagnosticReport/rep-2", Provenance.ProvenanceEntityRole.Source),
                ("DiagnosticReport/rep-1", Provenance.ProvenanceEntityRole.Source),
                (Ref(resources.ModelCard), Provenance.ProvenanceEntityRole.Derivation),
            ],
            provenance.Entity.Select(e => (e.What.Reference, e.Role!.Value)));
    }

    [Theory]
    [InlineData("pat-1", "ImagingStudy/study-1", null, "PatientReference")]
    [InlineData("Patient/pat-1", "Study/1", null, "ImagingStudyReference")]
    [InlineData("Patient/pat-1", "ImagingStudy/study-1", "Patient/pat-1", "UserReference")]
    public void GivenAMalformedReference_WhenMapped_ThenAnArgumentExceptionNamesIt(string patient, string study, string? user, string parameter)
    {
        var context = new AnalysisFhirContext(patient, study, AnalysisSamples.StudyUid, DateTimeOffset.UnixEpoch, null, user);

        var error = Assert.Throws<ArgumentException>(() => _mapper.Map(AnalysisSamples.NoFindings(), context));

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAContextForAnotherStudy_WhenMapped_ThenAnArgumentExceptionSaysTheUidsDiffer()
    {
        var context = AnalysisSamples.Context() with { StudyInstanceUid = "1.2.3" };

        var error = Assert.Throws<ArgumentException>(() => _mapper.Map(AnalysisSamples.NoFindings(), context));

        Assert.Contains("1.2.3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAScoreForAnUnknownFinding_WhenMapped_ThenAnArgumentExceptionNamesIt()
    {
        var analysis = AnalysisSamples.NoFindings() with { Scores = [new FindingScore("Dragon", 0.9, 0.5)] };

        var error = Assert.Throws<ArgumentException>(() => _mapper.Map(analysis, AnalysisSamples.Context()));

        Assert.Contains("'Dragon'", error.Message, StringComparison.Ordinal);
    }

    private static string Ref(Resource resource) => $"{resource.TypeName}/{resource.Id}";

    private static T Component<T>(Observation observation, string code)
        where T : DataType =>
        (T)observation.Component.Single(c => c.Code.Coding[0].Code == code).Value;

    private static IEnumerable<string> References(Resource resource) => resource switch
    {
        Observation o => [o.Device.Reference, .. o.HasMember.Select(m => m.Reference)],
        Device d => d.Extension.Select(e => e.Value).OfType<ResourceReference>().Select(r => r.Reference),
        Provenance p => [.. p.Target.Select(t => t.Reference), .. p.Agent.Select(a => a.Who.Reference), .. p.Entity.Select(e => e.What.Reference)],
        _ => [],
    };
}
