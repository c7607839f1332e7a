using ChestXCds.Inference.Manifests;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace ChestXCds.Inference.Onnx;

/// <summary>Creates an ONNX Runtime session on the requested execution provider, with CUDA→CPU fallback for Auto.</summary>
internal static class OnnxSessionFactory
{
    public const string Cuda = "CUDA";
    public const string Cpu = "CPU";

    public static (InferenceSession Session, string Provider) Create(string model, string weightsPath, ExecutionProvider provider, int cudaDeviceId, ILogger logger)
    {
        if (provider == ExecutionProvider.Cpu)
        {
            return (CreateSession(model, weightsPath, null), Cpu);
        }

        // ONNX Runtime also prints a missing CUDA library to stderr through its process-wide logger; the
        // failure is reported once, through our own log (Auto) or exception (Cuda), so that logger is quietened for the attempt.
        var env = OrtEnv.Instance();
        var level = env.EnvLogLevel;
        env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            return (CreateSession(model, weightsPath, cudaDeviceId), Cuda);
        }
        catch (Exception ex) when (IsProviderFailure(ex))
        {
            env.EnvLogLevel = level;
            if (provider == ExecutionProvider.Cuda)
            {
                throw new ModelLoadException(
                    $"Model '{model}': the CUDA execution provider could not be used on device {cudaDeviceId} ({FirstLine(ex.Message)}). Use ExecutionProvider Auto or Cpu on a machine without a usable GPU.", ex);
            }

            // Auto: a CPU session that loads proves the failure was CUDA's; one that does not reports the model's own problem.
            var session = CreateSession(model, weightsPath, null);
            Log.CudaFallback(logger, model, FirstLine(ex.Message));
            return (session, Cpu);
        }
        finally
        {
            env.EnvLogLevel = level;
        }
    }

    /// <summary>Checks the manifest's tensors exist in the graph with the declared non-batch dimensions and type.</summary>
    public static void CheckTensors(ModelManifest manifest, InferenceSession session)
    {
        Check(manifest.Name, "input", manifest.Input, session.InputMetadata);
        Check(manifest.Name, "output", manifest.Output, session.OutputMetadata);
    }

    private static InferenceSession CreateSession(string model, string weightsPath, int? cudaDeviceId)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (cudaDeviceId is { } device)
        {
            // Throws when libonnxruntime_providers_cuda or its CUDA/cuDNN dependencies cannot be loaded.
            options.AppendExecutionProvider_CUDA(device);
        }

        try
        {
            return new InferenceSession(weightsPath, options);
        }
        catch (OnnxRuntimeException ex) when (cudaDeviceId is null)
        {
            throw new ModelLoadException($"Model '{model}': '{weightsPath}' could not be loaded as an ONNX model: {FirstLine(ex.Message)}", ex);
        }
    }

    private static bool IsProviderFailure(Exception ex) =>
        ex is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException;

    private static void Check(string model, string role, ManifestTensor expected, IReadOnlyDictionary<string, NodeMetadata> actual)
    {
        if (!actual.TryGetValue(expected.Name, out var node))
        {
            var available = string.Join(", ", actual.Select(kv => $"'{kv.Key}' [{string.Join(",", kv.Value.Dimensions)}]"));
            throw new ModelLoadException($"Model '{model}': the manifest names {role} tensor '{expected.Name}', but the model's {role}s are {available}.");
        }

        if (node.ElementType != typeof(float))
        {
            throw new ModelLoadException($"Model '{model}': {role} tensor '{expected.Name}' is {node.ElementType.Name}, but the manifest declares FP32.");
        }

        var dims = node.Dimensions;
        var mismatch = dims.Length != expected.Shape.Count
            || Enumerable.Range(1, dims.Length - 1).Any(i => dims[i] > 0 && dims[i] != expected.Shape[i]);
        if (mismatch)
        {
            throw new ModelLoadException(
                $"Model '{model}': {role} tensor '{expected.Name}' has shape [{string.Join(",", dims)}], but the manifest declares [{ManifestLoader.Dims(expected.Shape)}].");
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
