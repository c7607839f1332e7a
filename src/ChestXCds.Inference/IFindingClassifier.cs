using ChestXCds.Domain;

namespace ChestXCds.Inference;

/// <summary>
/// The configured chest X-ray model: what it needs as input, and its finding scores for one image.
/// Concurrent calls are micro-batched into model runs; results equal running each image alone.
/// </summary>
public interface IFindingClassifier
{
    /// <summary>The model, its version and the execution provider actually in use (CUDA, CPU or KServe).</summary>
    ModelDescriptor Model { get; }

    /// <summary>The preprocessing the Imaging pipeline must apply to produce the tensor for <see cref="ClassifyAsync"/>.</summary>
    PreprocessingSpec Preprocessing { get; }

    /// <summary>Scores one preprocessed image: one <see cref="FindingScore"/> per manifest label, in manifest order.</summary>
    /// <exception cref="InferenceBusyException">The bounded queue is full.</exception>
    /// <exception cref="ArgumentException">The tensor does not have the model's input size.</exception>
    Task<IReadOnlyList<FindingScore>> ClassifyAsync(ImageTensor image, CancellationToken cancellationToken);
}
