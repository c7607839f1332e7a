using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Chains;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Labeling;
using ChestXCds.Reasoning.Verification;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using nietras.SeparatedValues;

namespace ChestXCds.Benchmarks;

/// <summary>
/// Report throughput of the Reasoning area on one core (affinity mask 1): extraction and nih14 labelling
/// of the 1,000 Indiana development reports (findings + impression), and building verified chains.
/// Reports/second = 1 / (mean time per operation), each operation being one report.
/// </summary>
[Config(typeof(SingleCoreConfig))]
[MemoryDiagnoser]
public class ReasoningBenchmarks
{
    private readonly ReportFindingExtractor extractor = new();
    private string[] reports = [];
    private ReportLabeler labeler = null!;
    private ReasoningEngine engine = null!;
    private PriorReport[] priors = [];

    [GlobalSetup]
    public void Setup()
    {
        using var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true })
            .FromFile(TestPaths.SharedFile("data", "reports", "indiana-dev.csv"));
        var findings = csv.Header.IndexOf("findings");
        var impression = csv.Header.IndexOf("impression");
        var texts = new List<string>();
        foreach (var row in csv)
        {
            if (row.ColCount == csv.Header.ColNames.Count)
            {
                texts.Add($"FINDINGS: {row[findings].ToString()}\nIMPRESSION: {row[impression].ToString()}");
            }
        }

        reports = [.. texts];
        labeler = new ReportLabeler(extractor);
        engine = new ReasoningEngine(extractor, new StepVerifier(extractor), Options.Create(new ReasoningOptions()), NullLogger<ReasoningEngine>.Instance);
        priors = [.. reports.Take(3).Select((t, i) => new PriorReport($"DiagnosticReport/{i}", new DateTimeOffset(2024, 1, 1 + i, 0, 0, 0, TimeSpan.Zero), t))];
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int ExtractReport()
    {
        var n = 0;
        for (var i = 0; i < 1000; i++)
        {
            n += extractor.Extract(reports[i % reports.Length]).Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int LabelReportNih14()
    {
        var n = 0;
        for (var i = 0; i < 1000; i++)
        {
            n += labeler.Label(reports[i % reports.Length], LabelSet.Nih14)[^1] ?? 0;
        }

        return n;
    }

    /// <summary>Four findings (the default model's), three prior reports: one study's reasoning.</summary>
    [Benchmark]
    public int ReasonFourFindingsThreePriors() =>
        engine.Reason(
            [new FindingScore("Atelectasis", 0.62, 0.5), new FindingScore("Cardiomegaly", 0.31, 0.5), new FindingScore("Effusion", 0.75, 0.5), new FindingScore("Infiltration", 0.2, 0.5)],
            priors).Count;


    private sealed class SingleCoreConfig : ManualConfig
    {
        // In-process: the generated-project toolchain rebuilds the whole solution graph, which other areas
        // change concurrently on the shared development machine.
        public SingleCoreConfig() => AddJob(Job.Default.WithAffinity(1).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
