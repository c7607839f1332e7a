using ChestXCds.Domain;
using ChestXCds.Inference.Onnx;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChestXCds.Inference.Tests.Batching;

public sealed class MicroBatchingTests : IAsyncDisposable
{
    private readonly VerifySet _set = VerifySet.Load("nih-multilabel");
    private readonly OnnxInferenceBackend _onnx;
    private readonly GatedBackend _backend;
    private FindingClassifier? _classifier;

    public MicroBatchingTests()
    {
        _onnx = new OnnxInferenceBackend(TestManifests.Load("nih-multilabel"), VerifySet.ModelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);
        _backend = new GatedBackend(_onnx) { Gated = true };
    }

    private FindingClassifier Classifier(int maxBatch = 4, int capacity = 16, int waitMs = 0, TimeProvider? time = null) =>
        _classifier = new FindingClassifier(
            TestManifests.Load("nih-multilabel"),
            _backend,
            new InferenceOptions { MaxBatchSize = maxBatch, QueueCapacity = capacity, BatchWaitMilliseconds = waitMs },
            NullLogger.Instance,
            time);

    // REQ-INF-07: a lone request does not wait the batch window. The window is a minute on a clock that never moves:
    // waiting it would never end (the guard below turns that into a failure instead of a hang).
    [Fact]
    public async Task GivenALoneRequestAndNothingQueued_WhenClassified_ThenItRunsAtOnceWithoutWaitingTheWindow()
    {
        _backend.Gated = false;
        var classifier = Classifier(maxBatch: 4, waitMs: 60_000, time: new FakeTimeProvider());

        var scores = await classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotEmpty(scores);
        Assert.Equal([1], _backend.BatchSizes);
    }

    // REQ-INF-07: under load (others queued while a batch ran) the window still collects late arrivals into the batch.
    [Fact]
    public async Task GivenOthersQueuedWhileABatchRan_WhenTheModelFrees_ThenTheWindowCollectsLateArrivalsIntoOneBatch()
    {
        var time = new FakeTimeProvider();
        var classifier = Classifier(maxBatch: 4, waitMs: 50, time: time);
        var first = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        _backend.Gated = false;
        var queued = new[] { classifier.ClassifyAsync(_set.Tensor(1), CancellationToken.None), classifier.ClassifyAsync(_set.Tensor(2), CancellationToken.None) };

        _backend.Release();
        await first;
        var late = classifier.ClassifyAsync(_set.Tensor(3), CancellationToken.None);
        for (var tick = 0; tick < 1000 && !late.IsCompleted; tick++)
        {
            // The window closes on the fake clock only: nothing runs before the late request has joined.
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(5);
        }

        await Task.WhenAll(queued.Append(late));
        Assert.Equal([1, 3], _backend.BatchSizes);
    }

    // REQ-INF-07: concurrent requests coalesce into one batch, and each gets exactly the result it gets alone.
    [Fact]
    public async Task GivenRequestsWaitingWhileTheModelIsBusy_WhenItFrees_ThenTheyRunAsOneBatchWithTheirSingleRunResults()
    {
        var classifier = Classifier(maxBatch: 4);
        var first = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        var waiting = Enumerable.Range(0, 4).Select(i => classifier.ClassifyAsync(_set.Tensor(i), CancellationToken.None)).ToList();

        _backend.Release(2);
        var batched = await Task.WhenAll(waiting);
        await first;

        Assert.Equal([1, 4], _backend.BatchSizes);
        for (var i = 0; i < 4; i++)
        {
            var alone = ScoreMapper.Map(classifier.Manifest, _onnx.Run(_set.Sample(i), 1)[0]);
            Assert.Equal(alone, batched[i]);
        }
    }

    [Fact]
    public async Task GivenMoreWaitingThanMaxBatch_WhenTheModelFrees_ThenBatchesAreCappedAtMaxBatch()
    {
        var classifier = Classifier(maxBatch: 3);
        var first = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        var waiting = Enumerable.Range(0, 5).Select(i => classifier.ClassifyAsync(_set.Tensor(i % 4), CancellationToken.None)).ToList();

        _backend.Release(3);
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([1, 3, 2], _backend.BatchSizes);
    }

    // REQ-INF-08: a full queue refuses at once with a typed busy error instead of growing.
    [Fact]
    public async Task GivenFullQueue_WhenAnotherRequestArrives_ThenInferenceBusyExceptionAndQueuedOnesStillComplete()
    {
        var classifier = Classifier(maxBatch: 4, capacity: 2);
        var running = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        var queued = new[] { classifier.ClassifyAsync(_set.Tensor(1), CancellationToken.None), classifier.ClassifyAsync(_set.Tensor(2), CancellationToken.None) };

        var busy = await Assert.ThrowsAsync<InferenceBusyException>(() => classifier.ClassifyAsync(_set.Tensor(3), CancellationToken.None));

        Assert.Equal(2, busy.QueueCapacity);
        Assert.Contains("queue is full", busy.Message, StringComparison.Ordinal);
        _backend.Release(2);
        Assert.Equal(3, (await Task.WhenAll(queued.Append(running))).Length);
    }

    [Fact]
    public async Task GivenQueuedRequestCancelled_WhenTheModelFrees_ThenItIsCancelledAndLeftOutOfTheBatch()
    {
        var classifier = Classifier();
        var running = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        using var cts = new CancellationTokenSource();
        var cancelled = classifier.ClassifyAsync(_set.Tensor(1), cts.Token);
        var kept = classifier.ClassifyAsync(_set.Tensor(2), CancellationToken.None);

        await cts.CancelAsync();
        _backend.Release(2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Task.WhenAll(running, kept);
        Assert.Equal([1, 1], _backend.BatchSizes);
    }

    [Fact]
    public async Task GivenBackendFailure_WhenABatchRuns_ThenEveryCallerInItGetsTheError()
    {
        var classifier = Classifier();
        var running = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        var a = classifier.ClassifyAsync(_set.Tensor(1), CancellationToken.None);
        var b = classifier.ClassifyAsync(_set.Tensor(2), CancellationToken.None);
        _backend.Failure = new InferenceServerException("server down");

        _backend.Release(2);

        await Assert.ThrowsAsync<InferenceServerException>(() => running);
        await Assert.ThrowsAsync<InferenceServerException>(() => a);
        await Assert.ThrowsAsync<InferenceServerException>(() => b);
    }

    [Fact]
    public async Task GivenTensorOfTheWrongSize_WhenClassified_ThenArgumentExceptionNamesTheSizes()
    {
        var classifier = Classifier();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => classifier.ClassifyAsync(new ImageTensor(new float[3 * 64 * 64], 3, 64, 64), CancellationToken.None));

        Assert.Contains("3x64x64", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PreprocessingSpec", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenQueuedRequests_WhenTheClassifierIsDisposed_ThenTheyFailInsteadOfHanging()
    {
        var classifier = Classifier();
        var running = classifier.ClassifyAsync(_set.Tensor(0), CancellationToken.None);
        await _backend.Entered.Task;
        var queued = classifier.ClassifyAsync(_set.Tensor(1), CancellationToken.None);

        await classifier.DisposeAsync();
        _classifier = null;

        await Assert.ThrowsAnyAsync<Exception>(() => queued);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    public async ValueTask DisposeAsync()
    {
        if (_classifier is not null)
        {
            _backend.Release(100);
            await _classifier.DisposeAsync();
        }
        else
        {
            _backend.Dispose();
        }
    }
}
