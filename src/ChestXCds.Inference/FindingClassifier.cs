using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Inference.Batching;
using ChestXCds.Inference.Manifests;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Inference;

/// <summary>The manifest's model behind a micro-batcher, on whichever backend the configuration chose.</summary>
internal sealed class FindingClassifier : IFindingClassifier, IAsyncDisposable
{
    private readonly IInferenceBackend _backend;
    private readonly MicroBatcher _batcher;
    private readonly ILogger _logger;
    private readonly int _sampleLength;
    private volatile bool _ready;
    private int _disposed;

    /// <param name="time">The clock of the batch window; default <see cref="TimeProvider.System"/>.</param>
    public FindingClassifier(ModelManifest manifest, IInferenceBackend backend, InferenceOptions options, ILogger logger, TimeProvider? time = null)
    {
        Manifest = manifest;
        _backend = backend;
        _logger = logger;
        _sampleLength = (int)manifest.Input.Shape.Skip(1).Aggregate(1L, (a, d) => a * d);
        Model = manifest.ToDescriptor(backend.Provider);
        Preprocessing = manifest.ToPreprocessingSpec();
        _batcher = new MicroBatcher(backend, _sampleLength, options.MaxBatchSize, options.BatchWaitMilliseconds, options.QueueCapacity, logger, time ?? TimeProvider.System);
    }

    public ModelManifest Manifest { get; }

    public ModelDescriptor Model { get; }

    public PreprocessingSpec Preprocessing { get; }

    /// <summary>True once <see cref="WarmUpAsync"/> has run a real inference.</summary>
    public bool IsReady => _ready;

    /// <summary>The failure that kept the model from becoming ready, if any.</summary>
    public Exception? WarmUpFailure { get; private set; }

    public async Task<IReadOnlyList<FindingScore>> ClassifyAsync(ImageTensor image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var logits = await _batcher.EnqueueAsync(image, cancellationToken);
        return ScoreMapper.Map(Manifest, logits);
    }

    /// <summary>Checks the backend is ready and runs one blank image through it, so the first request is not the slow one.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            await _backend.EnsureReadyAsync(cancellationToken);
            var blank = new ImageTensor(new float[_sampleLength], Preprocessing.Channels, Preprocessing.Height, Preprocessing.Width);
            await ClassifyAsync(blank, cancellationToken);
            _ready = true;
            WarmUpFailure = null;
            Log.WarmedUp(_logger, Model.Name, Model.Provider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarmUpFailure = ex;
            Log.WarmUpFailed(_logger, ex, Model.Name);
            throw;
        }
    }

    /// <summary>Checks the backend is ready without running an image (warm-up disabled).</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        await _backend.EnsureReadyAsync(cancellationToken);
        _ready = true;
    }

    public async ValueTask DisposeAsync()
    {
        // The container disposes this once per registration (the class and IFindingClassifier).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _batcher.DisposeAsync();
        _backend.Dispose();
    }
}
