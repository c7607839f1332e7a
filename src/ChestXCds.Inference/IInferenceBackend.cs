namespace ChestXCds.Inference;

/// <summary>Runs a batch of preprocessed images through the model and returns the raw logits.</summary>
internal interface IInferenceBackend : IDisposable
{
    /// <summary>The execution provider actually in use: "CUDA", "CPU" or "KServe".</summary>
    string Provider { get; }

    /// <summary>Checks the model can run (loads it, or asks the server for readiness and metadata). Idempotent.</summary>
    Task EnsureReadyAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="batchSize"/> images laid out back to back (NCHW) in <paramref name="input"/>.</summary>
    /// <param name="input">Exactly batchSize images; it may be a slice of a pooled buffer that is reused once the call returns.</param>
    /// <returns>One logits row per image, in input order.</returns>
    Task<float[][]> RunAsync(ReadOnlyMemory<float> input, int batchSize, CancellationToken cancellationToken);
}
