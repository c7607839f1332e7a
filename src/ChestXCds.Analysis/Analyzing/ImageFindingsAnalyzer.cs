using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Imaging;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;
using Microsoft.Extensions.DependencyInjection;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// Imaging, then inference: the cold path of an analysis, timed step by step. The classifier is resolved
/// when first needed, not injected: when the model cannot load (a degraded start), resolving it throws,
/// and that must fail this analysis (the hook then answers without AI), not every hook that builds the
/// card sources.
/// </summary>
public sealed class ImageFindingsAnalyzer(
    IChestImageRetriever retriever,
    IPixelPipeline pipeline,
    IServiceProvider services,
    TimeProvider time) : IImageFindingsAnalyzer
{
    private IFindingClassifier Classifier => services.GetRequiredService<IFindingClassifier>();

    public ModelDescriptor Model => Classifier.Model;

    public async Task<ImageFindings> AnalyzeAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var activity = AnalysisTelemetry.Source.StartActivity("chestx.analysis.image");

        var started = Stopwatch.GetTimestamp();
        var classifier = Classifier;
        var image = await retriever.RetrieveAsync(location, fhirAccessToken, cancellationToken).ConfigureAwait(false);
        var retrieved = Stopwatch.GetTimestamp();

        var tensor = pipeline.ToTensor(image.Image, classifier.Preprocessing);
        var preprocessed = Stopwatch.GetTimestamp();

        var scores = await classifier.ClassifyAsync(tensor, cancellationToken).ConfigureAwait(false);
        var scored = Stopwatch.GetTimestamp();

        var timings = new ImageAnalysisTimings(
            Stopwatch.GetElapsedTime(started, retrieved).TotalMilliseconds,
            Stopwatch.GetElapsedTime(retrieved, preprocessed).TotalMilliseconds,
            Stopwatch.GetElapsedTime(preprocessed, scored).TotalMilliseconds);
        return new ImageFindings(
            image.StudyInstanceUid, image.SeriesInstanceUid, image.SopInstanceUid, classifier.Model, scores, time.GetUtcNow(), timings);
    }
}
