using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Imaging;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;

namespace ChestXCds.Analysis.Ai;

/// <summary>Imaging, then inference: the cold path of an analysis, timed step by step.</summary>
public sealed class ImageFindingsAnalyzer(
    IChestImageRetriever retriever,
    IPixelPipeline pipeline,
    IFindingClassifier classifier,
    TimeProvider time) : IImageFindingsAnalyzer
{
    public ModelDescriptor Model => classifier.Model;

    public async Task<ImageFindings> AnalyzeAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        using var activity = AnalysisTelemetry.Source.StartActivity("chestx.analysis.image");

        var started = Stopwatch.GetTimestamp();
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
