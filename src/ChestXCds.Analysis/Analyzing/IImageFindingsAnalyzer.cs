using ChestXCds.Domain;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>Retrieves a study's frontal chest radiograph, turns it into the model's tensor and scores it.</summary>
public interface IImageFindingsAnalyzer
{
    /// <summary>The model whose version keys the cache.</summary>
    ModelDescriptor Model { get; }

    /// <exception cref="Imaging.Errors.ImagingException">The image cannot be had or decoded.</exception>
    /// <exception cref="Inference.InferenceBusyException">The model's queue is full.</exception>
    Task<ImageFindings> AnalyzeAsync(DicomStudyLocation location, string? fhirAccessToken, CancellationToken cancellationToken);
}
