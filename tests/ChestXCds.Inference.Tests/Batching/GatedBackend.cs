using System.Collections.Concurrent;

namespace ChestXCds.Inference.Tests.Batching;

/// <summary>Wraps a real backend, records each batch size and can hold batches at a gate so tests control timing.</summary>
internal sealed class GatedBackend(IInferenceBackend inner) : IInferenceBackend
{
    private readonly SemaphoreSlim _gate = new(0);

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public bool Gated { get; set; }

    /// <summary>Completes when a batch has reached the gate.</summary>
    public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Exception? Failure { get; set; }

    public string Provider => inner.Provider;

    public void Release(int batches = 1) => _gate.Release(batches);

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => inner.EnsureReadyAsync(cancellationToken);

    public async Task<float[][]> RunAsync(ReadOnlyMemory<float> input, int batchSize, CancellationToken cancellationToken)
    {
        BatchSizes.Enqueue(batchSize);
        if (Gated)
        {
            var entered = Entered;
            Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            entered.TrySetResult();
            await _gate.WaitAsync(cancellationToken);
        }

        if (Failure is not null)
        {
            throw Failure;
        }

        return await inner.RunAsync(input, batchSize, cancellationToken);
    }

    public void Dispose()
    {
        inner.Dispose();
        _gate.Dispose();
    }
}
