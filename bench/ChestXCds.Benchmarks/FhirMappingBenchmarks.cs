using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Validation;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace ChestXCds.Benchmarks;

/// <summary>
/// StudyAnalysis → FHIR resources (2 findings, 5 reasoning steps: 10 resources), their JSON, and Firely validation of
/// all 10 against base R4 + the project's profiles with a warm validator.
/// Run: dotnet run -c Release --project bench/ChestXCds.Benchmarks -- --filter '*FhirMappingBenchmarks*'
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class FhirMappingBenchmarks
{
    private readonly AnalysisMapper _mapper = new(Options.Create(new FhirMappingOptions()));
    private readonly FhirJsonSerializer _json = new();
    private FirelyResourceValidator _validator = null!;
    private StudyAnalysis _analysis = null!;
    private AnalysisFhirContext _context = null!;
    private AnalysisResources _resources = null!;

    [GlobalSetup]
    public void Setup()
    {
        const string uid = "1.2.826.0.1.3680043.8.498.1";
        var steps = new List<ReasoningStep>
        {
            new(0, StepKind.Plan, "Effusion", "Look for blunting of the costophrenic angles.", null, [], StepVerdict.Unverifiable, "A plan makes no claim."),
            new(1, StepKind.ImageEvidence, "Effusion", "The model scores effusion at 0.87.", Assertion.Present,
                [new Evidence(EvidenceKind.ImageScore, "Model probability", "nih-multilabel", Score: 0.87, Threshold: 0.42)], StepVerdict.Supported),
            new(2, StepKind.PriorReportEvidence, "Effusion", "The prior report describes a small left effusion.", Assertion.Present,
                [new Evidence(EvidenceKind.ReportSentence, "Prior report", "DiagnosticReport/r1", "Small left pleural effusion.", Assertion: Assertion.Present)],
                StepVerdict.Supported),
            new(3, StepKind.TemporalComparison, "Effusion", "Larger than before.", Assertion.Present, [], StepVerdict.Unverifiable),
            new(4, StepKind.Conclusion, "Effusion", "Pleural effusion is present.", Assertion.Present, [], StepVerdict.Supported),
        };
        _analysis = new StudyAnalysis(
            uid,
            null,
            new ModelDescriptor("nih-multilabel", "1.0.0", "CPU", null, "Flags 14 findings on frontal chest radiographs."),
            [new FindingScore("Effusion", 0.87, 0.42), new FindingScore("Cardiomegaly", 0.61, 0.5)],
            [new ReasoningChain("Is there a pleural effusion?", "Effusion", steps, Assertion.Present, 0.9, TemporalChange.Worsening)],
            ["DiagnosticReport/r1"],
            DateTimeOffset.UnixEpoch);
        _context = new AnalysisFhirContext("Patient/p1", "ImagingStudy/s1", uid, DateTimeOffset.UnixEpoch, "ServiceRequest/o1", "Practitioner/d1");
        _resources = _mapper.Map(_analysis, _context);
    }

    /// <summary>Warms the validator (zip index, schema compilation) outside the measurement.</summary>
    [GlobalSetup(Target = nameof(ValidateAll))]
    public void SetupValidator()
    {
        Setup();
        _validator = new FirelyResourceValidator();
        foreach (var resource in _resources.All)
        {
            _validator.Validate(resource);
        }
    }

    [Benchmark]
    public AnalysisResources Map() => _mapper.Map(_analysis, _context);

    [Benchmark]
    public int MapAndSerialize()
    {
        var length = 0;
        foreach (var resource in _mapper.Map(_analysis, _context).All)
        {
            length += _json.SerializeToString(resource).Length;
        }

        return length;
    }

    [Benchmark]
    public int ValidateAll()
    {
        var errors = 0;
        foreach (var resource in _resources.All)
        {
            errors += _validator.Validate(resource).Errors.Count();
        }

        return errors;
    }

    private sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess()
        {
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(6)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250)));
        }
    }
}
