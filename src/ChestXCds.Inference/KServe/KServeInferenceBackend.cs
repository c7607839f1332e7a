using ChestXCds.Inference.Manifests;
using Microsoft.Extensions.Logging;

namespace ChestXCds.Inference.KServe;

/// <summary>
/// Runs the manifest's model on a KServe v2 server (Triton, KServe, Seldon). Before the first inference
/// it checks server and model readiness and that the server's metadata has the manifest's tensors.
/// </summary>
internal sealed class KServeInferenceBackend : IInferenceBackend
{
    public const string ProviderName = "KServe";

    private readonly KServeClient _client;
    private readonly ModelManifest _manifest;
    private readonly KServeOptions _options;
    private readonly ILogger _logger;
    private readonly string _model;
    private readonly long[] _sampleShape;
    private readonly int _classes;
    private readonly SemaphoreSlim _readyLock = new(1, 1);
    private volatile bool _ready;

    public KServeInferenceBackend(KServeClient client, ModelManifest manifest, KServeOptions options, ILogger logger)
    {
        _client = client;
        _manifest = manifest;
        _options = options;
        _logger = logger;
        _model = string.IsNullOrWhiteSpace(options.ModelName) ? manifest.Name : options.ModelName;
        _sampleShape = [.. manifest.Input.Shape.Skip(1)];
        _classes = (int)manifest.Output.Shape[1];
    }

    public string Provider => ProviderName;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _readyLock.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await CheckServerAsync(cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _readyLock.Release();
        }
    }

    public async Task<float[][]> RunAsync(ReadOnlyMemory<float> input, int batchSize, CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        long[] shape = [batchSize, .. _sampleShape];
        var (data, outShape) = await _client.InferAsync(
            _model, _options.ModelVersion, _manifest.Input.Name, input, shape, _manifest.Output.Name, _options.BinaryData, cancellationToken);
        if (outShape.Length != 2 || outShape[0] != batchSize || outShape[1] != _classes)
        {
            throw new InferenceServerException(
                $"The inference server returned '{_manifest.Output.Name}' with shape [{string.Join(",", outShape)}]; expected [{batchSize},{_classes}].");
        }

        var rows = new float[batchSize][];
        for (var i = 0; i < batchSize; i++)
        {
            rows[i] = data.AsSpan(i * _classes, _classes).ToArray();
        }

        return rows;
    }

    public void Dispose() => _readyLock.Dispose();

    private async Task CheckServerAsync(CancellationToken cancellationToken)
    {
        var where = _options.BaseUrl?.ToString() ?? "(no base URL)";
        try
        {
            if (!await _client.IsServerReadyAsync(cancellationToken))
            {
                throw new ModelLoadException($"The inference server at {where} is not ready (GET /v2/health/ready).");
            }

            if (!await _client.IsModelReadyAsync(_model, _options.ModelVersion, cancellationToken))
            {
                throw new ModelLoadException($"Model '{_model}' is not ready on the inference server at {where}.");
            }

            var metadata = await _client.GetMetadataAsync(_model, _options.ModelVersion, cancellationToken);
            Check("input", _manifest.Input, metadata.Inputs, where);
            Check("output", _manifest.Output, metadata.Outputs, where);
        }
        catch (HttpRequestException ex)
        {
            throw new ModelLoadException($"The inference server at {where} could not be reached: {ex.Message}", ex);
        }
        catch (InferenceServerException ex)
        {
            throw new ModelLoadException(ex.Message, ex);
        }

        Log.KServeReady(_logger, _model, _options.BaseUrl!);
    }

    private void Check(string role, ManifestTensor expected, IReadOnlyList<KServeTensorMetadata>? actual, string where)
    {
        var tensor = actual?.FirstOrDefault(t => t.Name == expected.Name);
        if (tensor is null)
        {
            var available = string.Join(", ", (actual ?? []).Select(t => $"'{t.Name}'"));
            throw new ModelLoadException(
                $"Model '{_model}' on {where}: the manifest names {role} tensor '{expected.Name}', but the server's {role}s are {available}.");
        }

        if (tensor.Datatype != "FP32")
        {
            throw new ModelLoadException($"Model '{_model}' on {where}: {role} '{expected.Name}' is {tensor.Datatype}, but the manifest declares FP32.");
        }

        // Triton leaves the batch dimension out of the shape when max_batch_size > 0; compare the trailing dimensions.
        var declared = expected.Shape.Skip(1).ToArray();
        var served = tensor.Shape.Count == expected.Shape.Count ? tensor.Shape.Skip(1).ToArray() : tensor.Shape.ToArray();
        if (served.Length != declared.Length || served.Zip(declared).Any(p => p.First > 0 && p.First != p.Second))
        {
            throw new ModelLoadException(
                $"Model '{_model}' on {where}: {role} '{expected.Name}' has shape [{string.Join(",", tensor.Shape)}], but the manifest declares [{ManifestLoader.Dims(expected.Shape)}].");
        }
    }
}
