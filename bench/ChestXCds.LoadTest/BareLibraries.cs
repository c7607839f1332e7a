using System.Diagnostics;
using ChestXCds.Domain;
using ChestXCds.Inference.Manifests;
using Microsoft.ML.OnnxRuntime;

namespace ChestXCds.LoadTest;

/// <summary>
/// Decode and inference with the bare libraries, none of the service's code around them: GDCM
/// (<c>gdcm.ImageReader</c> + <c>GetBuffer</c>, the raw pixel bytes without the service's structure checks and
/// display rendering) on the retrieved file, and ONNX Runtime (<c>InferenceSession.Run</c> with the service's CPU
/// session options, batch of one) on the chain's tensor, without the classifier's micro-batcher and score mapping.
/// </summary>
public sealed class BareLibraries : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string _input;
    private readonly string _output;

    public BareLibraries(string repositoryRoot, string modelsRoot, string modelName)
    {
        var manifest = ManifestLoader.Load(Path.Combine(repositoryRoot, "models", modelName + ".json"));
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _session = new InferenceSession(ManifestLoader.VerifyWeights(manifest, modelsRoot), options);
        _input = manifest.Input.Name;
        _output = manifest.Output.Name;
    }

    /// <summary>Milliseconds to read and decode <paramref name="path"/> with GDCM alone.</summary>
    public static double DecodeMs(string path)
    {
        var watch = Stopwatch.StartNew();
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(path);
        if (!reader.Read())
        {
            throw new InvalidOperationException("GDCM could not read the retrieved instance.");
        }

        using var image = reader.GetImage();
        var buffer = new byte[image.GetBufferLength()];
        if (!image.GetBuffer(buffer))
        {
            throw new InvalidOperationException("GDCM could not decode the retrieved instance.");
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Milliseconds of one bare <c>InferenceSession.Run</c> on <paramref name="tensor"/> (batch of one).</summary>
    public double InferMs(ImageTensor tensor)
    {
        var watch = Stopwatch.StartNew();
        using var value = OrtValue.CreateTensorValueFromMemory(tensor.Data, [1, tensor.Channels, tensor.Height, tensor.Width]);
        using var results = _session.Run(_runOptions, [_input], [value], [_output]);
        GC.KeepAlive(results[0].GetTensorDataAsSpan<float>()[0]);
        return watch.Elapsed.TotalMilliseconds;
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
