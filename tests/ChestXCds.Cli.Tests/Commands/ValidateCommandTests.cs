using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;
using Task = System.Threading.Tasks.Task;

namespace ChestXCds.Cli.Tests.Commands;

/// <summary>Runs the built `chestx` (chestx.dll beside the tests) as a user would.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempFolder folder = new("chestx-validate-");

    public void Dispose() => folder.Dispose();

    // REQ-FHIRMAP-10: `chestx validate` checks each Bundle entry, prints the issues and exits 1 when there are errors.
    [Fact]
    public async Task GivenABundleWithOneBrokenEntry_WhenValidated_ThenTheOthersAreValidTheBrokenOneIsReportedAndExitIsOne()
    {
        var resources = MappedResources();
        var broken = resources.Findings[0];
        broken.Status = ObservationStatus.Final;
        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var resource in resources.All)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = "urn:uuid:" + resource.Id, Resource = resource });
        }

        var file = Write("bundle.json", new FhirJsonSerializer().SerializeToString(bundle));

        var (exit, stdout, _) = await ChestxProcess.RunAsync("validate", file);

        Assert.Equal(1, exit);
        Assert.Contains($"(Observation/{broken.Id}): INVALID", stdout, StringComparison.Ordinal);
        Assert.Contains("preliminary", stdout, StringComparison.Ordinal);
        Assert.Contains($"(Device/{resources.Device.Id}): valid (0 error(s)", stdout, StringComparison.Ordinal);
        Assert.Contains($"(Provenance/{resources.Provenance.Id}): valid (0 error(s)", stdout, StringComparison.Ordinal);
        Assert.Contains($"{resources.All.Count} resource(s) validated: 1 error(s)", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "is not FHIR JSON")]
    [InlineData("[1, 2]", "is not FHIR JSON")]
    [InlineData("{\"name\": \"x\"}", "no \"resourceType\"")]
    [InlineData("{\"resourceType\": \"Dragon\"}", "is not FHIR JSON")]
    public async Task GivenAFileThatIsNotFhirJson_WhenValidated_ThenAClearMessageAndExitTwo(string content, string expected)
    {
        var file = Write("input.json", content);

        var (exit, stdout, stderr) = await ChestxProcess.RunAsync("validate", file);

        Assert.Equal(2, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAMissingFile_WhenValidated_ThenAClearMessageAndExitTwo()
    {
        var (exit, _, stderr) = await ChestxProcess.RunAsync("validate", folder.PathOf("absent.json"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    private static AnalysisResources MappedResources()
    {
        var analysis = new StudyAnalysis(
            "1.2.3.4.5",
            null,
            new ModelDescriptor("nih-multilabel", "1.0.0", "CPU", null, "Flags 14 findings on frontal chest radiographs."),
            [new FindingScore("Effusion", 0.8, 0.5)],
            [new ReasoningChain("Is there a pleural effusion?", "Effusion",
                [new ReasoningStep(0, StepKind.ImageEvidence, "Effusion", "The model scores effusion at 0.80.", Assertion.Present,
                    [new Domain.Evidence(EvidenceKind.ImageScore, "Model probability", Score: 0.8, Threshold: 0.5)], StepVerdict.Supported)],
                Assertion.Present, 0.8, TemporalChange.Unknown)],
            [],
            DateTimeOffset.UnixEpoch);
        var context = new AnalysisFhirContext("Patient/p1", "ImagingStudy/s1", "1.2.3.4.5", DateTimeOffset.UnixEpoch, "ServiceRequest/o1", "PractitionerRole/r1");
        return new AnalysisMapper(Options.Create(new FhirMappingOptions())).Map(analysis, context);
    }

    private string Write(string name, string content) => folder.Write(name, content);
}
