using BenchmarkDotNet.Attributes;
using ChestXCds.Domain;
using ChestXCds.Inference;
using ChestXCds.Inference.Onnx;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace ChestXCds.Benchmarks;

/// <summary>
/// nih-multilabel on CPU: a bare InferenceSession.Run of one batch against the service path
/// (B concurrent ClassifyAsync calls coalesced by the micro-batcher into one batch of B) on the same
/// tensors. Service / bare is the overhead the service adds. Images/s = B / mean.
/// Run (see bench/README.md "## Inference"):
/// dotnet run -c Release --project bench/ChestXCds.Benchmarks -- --filter '*InferenceBenchmarks*' --inProcess --launchCount 1 --warmupCount 3 --iterationCount 20
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private const int Sample = 3 * 224 * 224;

    private InferenceSession _session = null!;
    private RunOptions _runOptions = null!;
    private FindingClassifier _classifier = null!;
    private float[] _batch = null!;
    private ImageTensor[] _images = null!;

    [Params(1, 8, 32)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var manifest = Inference.Manifests.ManifestLoader.Load(TestPaths.RepoFile("models", "nih-multilabel.json"));
        var modelsRoot = TestPaths.SharedFile("models");
        var weights = Inference.Manifests.ManifestLoader.VerifyWeights(manifest, modelsRoot);

        // Same session options as the service's CPU session.
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(weights, options);
        _runOptions = new RunOptions();

        var backend = new OnnxInferenceBackend(manifest, modelsRoot, ExecutionProvider.Cpu, 0, NullLogger.Instance);
        _classifier = new FindingClassifier(
            manifest,
            backend,
            new InferenceOptions { MaxBatchSize = BatchSize, BatchWaitMilliseconds = 5, QueueCapacity = 256 },
            NullLogger.Instance);

        // The four verify inputs, repeated to fill the batch.
        var bytes = File.ReadAllBytes(TestPaths.SharedFile("models", "nih-multilabel", "verify", "inputs_4x3x224x224.f32"));
        var verify = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, verify, 0, bytes.Length);
        _batch = new float[BatchSize * Sample];
        _images = new ImageTensor[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            var one = verify.AsSpan((i % 4) * Sample, Sample).ToArray();
            one.CopyTo(_batch, i * Sample);
            _images[i] = new ImageTensor(one, 3, 224, 224);
        }
    }

    [Benchmark(Baseline = true)]
    public float BareSessionRun()
    {
        using var value = OrtValue.CreateTensorValueFromMemory(_batch, [BatchSize, 3, 224, 224]);
        using var results = _session.Run(_runOptions, ["image"], [value], ["logits"]);
        return results[0].GetTensorDataAsSpan<float>()[0];
    }

    [Benchmark]
    public async Task<double> ServiceClassify()
    {
        var tasks = new Task<IReadOnlyList<FindingScore>>[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            tasks[i] = _classifier.ClassifyAsync(_images[i], CancellationToken.None);
        }

        var scores = await Task.WhenAll(tasks);
        return scores[0][0].Probability;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classifier.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _session.Dispose();
        _runOptions.Dispose();
    }
}
