using System.Runtime.InteropServices;
using ChestXCds.Inference.Manifests;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ChestXCds.Inference.Onnx;

/// <summary>
/// One ONNX Runtime session for the manifest's model, created once. The weights' SHA-256 is checked
/// first; the session's tensors are checked against the manifest.
/// </summary>
internal sealed class OnnxInferenceBackend : IInferenceBackend
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly ModelManifest _manifest;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _sampleShape;
    private readonly int _classes;

    public OnnxInferenceBackend(ModelManifest manifest, string modelsRoot, ExecutionProvider provider, int cudaDeviceId, ILogger logger)
    {
        _manifest = manifest;
        var weights = ManifestLoader.VerifyWeights(manifest, modelsRoot);
        (_session, Provider) = OnnxSessionFactory.Create(manifest.Name, weights, provider, cudaDeviceId, logger);
        try
        {
            OnnxSessionFactory.CheckTensors(manifest, _session);
        }
        catch
        {
            _session.Dispose();
            _runOptions.Dispose();
            throw;
        }

        _inputNames = [manifest.Input.Name];
        _outputNames = [manifest.Output.Name];
        _sampleShape = [.. manifest.Input.Shape.Skip(1)];
        _classes = (int)manifest.Output.Shape[1];
        Log.ModelLoaded(logger, manifest.Name, manifest.Version, Provider, weights);
    }

    public string Provider { get; }

    public Task EnsureReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<float[][]> RunAsync(ReadOnlyMemory<float> input, int batchSize, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Run(input, batchSize));
    }

    /// <summary>Synchronous run, for the batching loop (which already owns a thread).</summary>
    public float[][] Run(float[] input, int batchSize) => Run((ReadOnlyMemory<float>)input, batchSize);

    /// <summary>Synchronous run over exactly <paramref name="batchSize"/> images (ONNX Runtime reads the memory in place, no copy).</summary>
    public float[][] Run(ReadOnlyMemory<float> input, int batchSize)
    {
        long[] shape = [batchSize, .. _sampleShape];
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, MemoryMarshal.AsMemory(input), shape);
        using var results = _session.Run(_runOptions, _inputNames, [value], _outputNames);
        var output = results[0];
        var outShape = output.GetTensorTypeAndShape().Shape;
        if (outShape.Length != 2 || outShape[0] != batchSize || outShape[1] != _classes)
        {
            throw new InvalidOperationException(
                $"Model '{_manifest.Name}' returned '{_manifest.Output.Name}' with shape [{ManifestLoader.Dims(outShape)}]; expected [{batchSize},{_classes}].");
        }

        var span = output.GetTensorDataAsSpan<float>();
        var rows = new float[batchSize][];
        for (var i = 0; i < batchSize; i++)
        {
            rows[i] = span.Slice(i * _classes, _classes).ToArray();
        }

        return rows;
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
