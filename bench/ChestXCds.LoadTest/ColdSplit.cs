using System.Diagnostics;
using System.Globalization;
using ChestXCds.Analysis;
using ChestXCds.Analysis.Analyzing;
using ChestXCds.Fhir.Translation;
using ChestXCds.CdsHooks.Prefetch;
using ChestXCds.Cli.Demo;
using ChestXCds.Domain;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Mapping;
using ChestXCds.Fhir.Reading;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;
using ChestXCds.Reasoning.Chains;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.LoadTest;

/// <summary>
/// The cold analysis of one study, in this process with the service's own registrations
/// (AddChestXAnalysis), stage by stage in the order a hook runs them: FHIR reads (ImagingStudy and
/// DiagnosticReport searches, the Endpoint read), DICOMweb (QIDO-RS + WADO-RS of the chosen instance to a
/// temporary file, bytes only), decode (GDCM + display rendering), pixel pipeline, inference, reasoning
/// over the prior reports, mapping to FHIR resources. Retrieval and inference are also timed alone.
/// </summary>
public sealed class ColdSplit(BenchEnvironment env, string studyId)
{
    private static readonly string[] Stages = ["fhir", "dicomweb", "decode", "pipeline", "inference", "reasoning", "mapping", "total"];

    public async Task<ColdSplitResult> RunAsync(int samples, CancellationToken ct)
    {
        var models = Path.Combine(env.Shared, "models");
        Environment.SetEnvironmentVariable("CHESTX_MODELS", models);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:ModelsRoot"] = models })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        services.AddChestXAnalysis(configuration);
        await using var provider = services.BuildServiceProvider();

        var load = Stopwatch.StartNew();
        var classifier = provider.GetRequiredService<IFindingClassifier>();
        Console.WriteLine($"Model {classifier.Model.Name} {classifier.Model.Version} loaded in {load.Elapsed.TotalMilliseconds:0} ms (not part of any stage)");

        var stages = Stages.ToDictionary(s => s, _ => new List<double>(), StringComparer.Ordinal);
        var retrievalAlone = new List<double>();
        var inferenceAlone = new List<double>();
        var analyzerTotal = new List<double>();
        double? first = null;
        ImageTensor? tensor = null;
        DicomStudyLocation? location = null;

        // Two unmeasured chains first (the first one is the process-cold JIT run; reported, not counted).
        for (var i = -2; i < samples; i++)
        {
            var (times, t, l) = await ChainAsync(provider, classifier, ct);
            tensor = t;
            location = l;
            first ??= times["total"];
            if (i >= 0)
            {
                foreach (var (stage, ms) in times)
                {
                    stages[stage].Add(ms);
                }
            }
        }

        var dicomWeb = provider.GetRequiredService<DicomWebClient>();
        for (var i = -1; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            var path = await RetrieveAsync(dicomWeb, location!, ct);
            File.Delete(path);
            if (i >= 0)
            {
                retrievalAlone.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        for (var i = -1; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await classifier.ClassifyAsync(tensor!, ct);
            if (i >= 0)
            {
                inferenceAlone.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        // The bare libraries on the same file and tensor (GDCM alone, ONNX Runtime alone).
        var decodeBare = new List<double>();
        var inferenceBare = new List<double>();
        using (var bare = new BareLibraries(env.RepositoryRoot, models, classifier.Model.Name))
        {
            var file = await RetrieveAsync(dicomWeb, location!, ct);
            try
            {
                for (var i = -1; i < samples; i++)
                {
                    var decodeMs = BareLibraries.DecodeMs(file);
                    var inferMs = bare.InferMs(tensor!);
                    if (i >= 0)
                    {
                        decodeBare.Add(decodeMs);
                        inferenceBare.Add(inferMs);
                    }
                }
            }
            finally
            {
                File.Delete(file);
            }
        }

        // The service's own cold image path (retrieval + decode + pipeline + inference), as the coordinator runs it.
        var analyzer = provider.GetRequiredService<IImageFindingsAnalyzer>();
        for (var i = -1; i < samples; i++)
        {
            var findings = await analyzer.AnalyzeAsync(location!, DemoWorld.AccessToken, ct);
            if (i >= 0)
            {
                analyzerTotal.Add(findings.Timings.TotalMs);
            }
        }

        return new ColdSplitResult(
            stages.ToDictionary(s => s.Key, s => (IReadOnlyList<double>)s.Value, StringComparer.Ordinal), retrievalAlone, inferenceAlone, analyzerTotal,
            decodeBare, inferenceBare, first ?? double.NaN);
    }

    private async Task<(Dictionary<string, double> Times, ImageTensor Tensor, DicomStudyLocation Location)> ChainAsync(
        ServiceProvider provider, IFindingClassifier classifier, CancellationToken ct)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        var started = Stopwatch.GetTimestamp();
        var mark = started;
        void Lap(string stage)
        {
            var now = Stopwatch.GetTimestamp();
            times[stage] = Stopwatch.GetElapsedTime(mark, now).TotalMilliseconds;
            mark = now;
        }

        // FHIR reads, with the prefetch templates' own queries (what the service asks when a key is not prefetched).
        var fhir = provider.GetRequiredService<IFhirQueryClient>();
        var access = FhirServerAccess.From(env.World.FhirBase, DemoWorld.AccessToken) ?? throw new InvalidOperationException("Bad FHIR base.");
        var patient = DemoFhirData.PatientId;
        var studies = (Bundle)await fhir.GetAsync(access, PrefetchTemplates.ImagingStudies.Replace("{{context.patientId}}", patient, StringComparison.Ordinal), ct);
        var reports = (Bundle)await fhir.GetAsync(access, PrefetchTemplates.DiagnosticReports.Replace("{{context.patientId}}", patient, StringComparison.Ordinal), ct);
        var study = studies.Entry.Select(e => e.Resource).OfType<ImagingStudy>().Single(s => s.Id == studyId);
        var endpoint = (Endpoint)await fhir.GetAsync(access, "Endpoint/" + DemoFhirData.EndpointId, ct);
        var location = ImagingStudyLocator.Locate(study, [endpoint]) ?? throw new InvalidOperationException("The study has no location.");
        Lap("fhir");

        var dicomWeb = provider.GetRequiredService<DicomWebClient>();
        var path = await RetrieveAsync(dicomWeb, location, ct);
        Lap("dicomweb");

        DicomImage image;
        try
        {
            image = provider.GetRequiredService<IDicomImageReader>().Read(path);
        }
        finally
        {
            File.Delete(path);
        }

        Lap("decode");
        var tensor = provider.GetRequiredService<IPixelPipeline>().ToTensor(image.Image, classifier.Preprocessing);
        Lap("pipeline");
        var scores = await classifier.ClassifyAsync(tensor, ct);
        Lap("inference");

        if (study.StartedElement is null || !study.StartedElement.TryToDateTimeOffset(out var studyStarted))
        {
            throw new InvalidOperationException("The study has no start date.");
        }

        var priors = PriorReportCollector.Before(reports.Entry.Select(e => e.Resource).OfType<DiagnosticReport>().Select(ReportRecords.From), studyStarted, 5);
        var chains = provider.GetRequiredService<IReasoningEngine>().Reason(scores, priors);
        var evidence = chains.SelectMany(c => c.Steps).SelectMany(s => s.Evidence)
            .Where(e => e.Kind == EvidenceKind.ReportSentence && e.Source is not null && e.Source.StartsWith("DiagnosticReport/", StringComparison.Ordinal))
            .Select(e => e.Source!).Distinct(StringComparer.Ordinal).ToList();
        Lap("reasoning");

        var now = DateTimeOffset.UtcNow;
        var analysis = new StudyAnalysis(location.StudyInstanceUid, env.World.Dicoms[studyId].SopInstanceUid, classifier.Model, scores, chains, evidence, now);
        var resources = provider.GetRequiredService<IAnalysisMapper>().Map(analysis, new AnalysisFhirContext(
            $"Patient/{patient}", $"ImagingStudy/{studyId}", location.StudyInstanceUid, now,
            $"ServiceRequest/{DemoFhirData.DraftOrderId}", $"Practitioner/{DemoFhirData.PractitionerId}", evidence));
        GC.KeepAlive(resources);
        Lap("mapping");
        times["total"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return (times, tensor, location);
    }

    /// <summary>QIDO-RS, frontal choice, WADO-RS of that instance to a temporary file (as ChestImageRetriever does); the file's path.</summary>
    private static async Task<string> RetrieveAsync(DicomWebClient dicomWeb, DicomStudyLocation location, CancellationToken ct)
    {
        var baseAddress = DicomWebAddress.ResolveBase(location, null);
        var instances = await dicomWeb.SearchInstancesAsync(baseAddress, location.StudyInstanceUid, null, ct);
        var chosen = FrontalImageSelector.Choose(instances);
        var path = Path.Combine(Path.GetTempPath(), $"chestx-bench-{Guid.NewGuid():N}.dcm");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await dicomWeb.RetrieveInstanceAsync(baseAddress, location.StudyInstanceUid, chosen.SeriesInstanceUid, chosen.SopInstanceUid, null, file, ct);
        return path;
    }

    public static void Print(ColdSplitResult r, int samples)
    {
        Console.WriteLine();
        Console.WriteLine($"In-process cold analysis, {samples} samples each (after 2 unmeasured chains; the very first, process-cold chain took {r.FirstChainMs:0} ms)");
        Console.WriteLine("| stage | median | min | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var stage in Stages)
        {
            var v = r.Stages[stage];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {Stats.Median(v):0.0} ms | {Stats.Min(v):0.0} | {Stats.Max(v):0.0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| retrieval alone (QIDO + WADO-RS) | {Stats.Median(r.RetrievalAlone):0.0} ms | {Stats.Min(r.RetrievalAlone):0.0} | {Stats.Max(r.RetrievalAlone):0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| inference alone | {Stats.Median(r.InferenceAlone):0.0} ms | {Stats.Min(r.InferenceAlone):0.0} | {Stats.Max(r.InferenceAlone):0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| decode alone, bare GDCM (ImageReader + GetBuffer) | {Stats.Median(r.DecodeBare):0.0} ms | {Stats.Min(r.DecodeBare):0.0} | {Stats.Max(r.DecodeBare):0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| inference alone, bare InferenceSession.Run | {Stats.Median(r.InferenceBare):0.0} ms | {Stats.Min(r.InferenceBare):0.0} | {Stats.Max(r.InferenceBare):0.0} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| service image analyzer (ImageAnalysisTimings.TotalMs) | {Stats.Median(r.AnalyzerTotal):0.0} ms | {Stats.Min(r.AnalyzerTotal):0.0} | {Stats.Max(r.AnalyzerTotal):0.0} |"));
        var floor = Stats.Median(r.RetrievalAlone) + Stats.Median(r.InferenceAlone);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio cold analysis (whole chain) / (retrieval + inference alone) = {Stats.Median(r.Stages["total"]):0.0} / {floor:0.0} = {Stats.Median(r.Stages["total"]) / floor:0.00}"));
        var withDecode = floor + Stats.Median(r.Stages["decode"]) + Stats.Median(r.Stages["pipeline"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio cold analysis / (retrieval + decode + pipeline + inference) = {Stats.Median(r.Stages["total"]):0.0} / {withDecode:0.0} = {Stats.Median(r.Stages["total"]) / withDecode:0.00}"));
        var bareLibraries = Stats.Median(r.RetrievalAlone) + Stats.Median(r.DecodeBare) + Stats.Median(r.Stages["pipeline"]) + Stats.Median(r.InferenceBare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio cold analysis / (retrieval + bare GDCM decode + pipeline + bare ONNX Runtime run) = {Stats.Median(r.Stages["total"]):0.0} / {bareLibraries:0.0} = {Stats.Median(r.Stages["total"]) / bareLibraries:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio service image analyzer / (retrieval + decode + pipeline + inference) = {Stats.Median(r.AnalyzerTotal):0.0} / {withDecode:0.0} = {Stats.Median(r.AnalyzerTotal) / withDecode:0.00}; "
            + $"/ (bare libraries) = {Stats.Median(r.AnalyzerTotal) / bareLibraries:0.00}"));
    }
}
