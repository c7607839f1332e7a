using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using ChestXCds.Domain;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Inference.Batching;

/// <summary>
/// Coalesces concurrent single-image requests into model batches. A bounded queue holds waiting images;
/// when it is full a request fails at once with <see cref="InferenceBusyException"/>. One loop runs
/// batches one after another: it takes every waiting image (up to the maximum batch); when that is a
/// lone image it runs at once, since nothing suggests company is coming and the window would only add
/// latency; when others were waiting too (load: they queued while the previous batch ran), it waits up
/// to the batch window for more. Then it runs them together and hands each caller its own row.
/// </summary>
internal sealed class MicroBatcher : IAsyncDisposable
{
    private readonly Channel<Pending> _queue;
    private readonly IInferenceBackend _backend;
    private readonly int _maxBatch;
    private readonly TimeSpan _wait;
    private readonly int _capacity;
    private readonly int _sampleLength;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private int _disposed;

    public MicroBatcher(IInferenceBackend backend, int sampleLength, int maxBatch, int waitMilliseconds, int capacity, ILogger logger, TimeProvider time)
    {
        _time = time;
        _backend = backend;
        _sampleLength = sampleLength;
        _maxBatch = maxBatch;
        _wait = TimeSpan.FromMilliseconds(waitMilliseconds);
        _capacity = capacity;
        _logger = logger;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(RunLoopAsync);
    }

    /// <summary>Queues one image and returns its logits once its batch has run.</summary>
    public Task<float[]> EnqueueAsync(ImageTensor image, CancellationToken cancellationToken)
    {
        if (image.Data.Length != _sampleLength)
        {
            throw new ArgumentException(
                $"Image tensor is {image.Channels}x{image.Height}x{image.Width} ({image.Data.Length} values); the model needs {_sampleLength} values. Apply the classifier's PreprocessingSpec first.",
                nameof(image));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(image.Data, cancellationToken);
        pending.RegisterCancellation();
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Dispose();
            if (_stopping.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(MicroBatcher), "The inference service is stopping.");
            }

            Log.QueueFull(_logger, _capacity);
            throw new InferenceBusyException($"The inference queue is full ({_capacity} images waiting); try again shortly.") { QueueCapacity = _capacity };
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation when the service stops.
        }

        while (_queue.Reader.TryRead(out var left))
        {
            left.Completion.TrySetException(new ObjectDisposedException(nameof(MicroBatcher), "The inference service stopped before this image ran."));
        }

        _stopping.Dispose();
    }

    private async Task RunLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(_maxBatch);
        while (await reader.WaitToReadAsync(_stopping.Token))
        {
            batch.Clear();
            await FillAsync(reader, batch);
            batch.RemoveAll(p => p.Completion.Task.IsCompleted);
            if (batch.Count > 0)
            {
                await RunBatchAsync(batch);
            }
        }
    }

    private async Task FillAsync(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _maxBatch && reader.TryRead(out var item))
        {
            batch.Add(item);
        }

        // A lone image: the queue was empty once it was taken, so it runs now rather than after the window.
        if (batch.Count <= 1 || batch.Count >= _maxBatch || _wait <= TimeSpan.Zero)
        {
            return;
        }

        using var closes = new CancellationTokenSource(_wait, _time);
        using var window = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, closes.Token);
        try
        {
            while (batch.Count < _maxBatch && await reader.WaitToReadAsync(window.Token))
            {
                while (batch.Count < _maxBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
            }
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            // The batch window closed; run what has arrived.
        }
    }

    private async Task RunBatchAsync(List<Pending> batch)
    {
        // A batch of one runs on the caller's array; larger batches need one contiguous NCHW buffer,
        // rented so that a batch (0.6 MB an image) does not cost a large-object-heap allocation and a gen-2 GC.
        var length = batch.Count * _sampleLength;
        var rented = batch.Count == 1 ? null : ArrayPool<float>.Shared.Rent(length);
        ReadOnlyMemory<float> input = rented is null ? batch[0].Data : rented.AsMemory(0, length);
        for (var i = 0; rented is not null && i < batch.Count; i++)
        {
            batch[i].Data.CopyTo(rented, i * _sampleLength);
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var rows = await _backend.RunAsync(input, batch.Count, _stopping.Token);
            Log.BatchRan(_logger, batch.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(rows[i]);
            }
        }
        catch (Exception ex)
        {
            Log.BatchFailed(_logger, ex, batch.Count);
            foreach (var item in batch)
            {
                item.Completion.TrySetException(ex);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }

            foreach (var item in batch)
            {
                item.Dispose();
            }
        }
    }

    private sealed class Pending(float[] data, CancellationToken cancellationToken) : IDisposable
    {
        private CancellationTokenRegistration _registration;

        public float[] Data { get; } = data;

        public TaskCompletionSource<float[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void RegisterCancellation() =>
            _registration = cancellationToken.Register(static state => ((TaskCompletionSource<float[]>)state!).TrySetCanceled(), Completion);

        public void Dispose() => _registration.Dispose();
    }
}
