using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Inference;

/// <summary>Which model runs, where, and how requests are batched (section <c>Inference</c>).</summary>
public sealed class InferenceOptions : IValidatableObject
{
    public const string SectionName = "Inference";

    /// <summary>
    /// The model manifest: a name (looked up as models/&lt;name&gt;.json, see <see cref="Manifests.ModelPaths"/>)
    /// or a path to a .json file. Default: "nih-multilabel".
    /// </summary>
    [Required]
    public string Manifest { get; set; } = "nih-multilabel";

    /// <summary>Directory holding manifests when <see cref="Manifest"/> is a name. Default: null (./models, then models/ next to the application).</summary>
    public string? ManifestDirectory { get; set; }

    /// <summary>
    /// Root the manifest's weights path is resolved against. Default: null, meaning CHESTX_MODELS, else
    /// $CHESTX_SHARED/models, else ../shared/models; relative paths are taken against the repository root
    /// when the service runs from a checkout, else the working directory (see <see cref="Manifests.ModelPaths"/>).
    /// </summary>
    public string? ModelsRoot { get; set; }

    /// <summary>Backend: Onnx (in process) or KServe (remote server). Default: Onnx.</summary>
    public InferenceBackendKind Backend { get; set; } = InferenceBackendKind.Onnx;

    /// <summary>ONNX Runtime execution provider: Auto, Cuda or Cpu. Default: Auto (CUDA, else CPU with a warning).</summary>
    public ExecutionProvider ExecutionProvider { get; set; } = ExecutionProvider.Auto;

    /// <summary>CUDA device ordinal. Default: 0.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }

    /// <summary>Most images in one model run. Default: 8.</summary>
    [Range(1, 256)]
    public int MaxBatchSize { get; set; } = 8;

    /// <summary>
    /// How long a batch waits for more requests to join, in milliseconds, when others were already waiting
    /// with its first (under load); a lone request runs at once. Default: 2. 0 runs whatever is already queued.
    /// </summary>
    [Range(0, 1000)]
    public int BatchWaitMilliseconds { get; set; } = 2;

    /// <summary>Images that may wait for the model; beyond this a request fails at once with <see cref="InferenceBusyException"/>. Default: 64.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 64;

    /// <summary>Run one image through the model at start so the first request does not pay for lazy initialisation. Default: true.</summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// Refuse to start when the model cannot be loaded (missing or corrupt weights, wrong checksum, KServe
    /// model not ready). Default: true. False starts the service degraded: /health/ready answers 503 with
    /// the reason and hooks answer without the AI analysis, for deployments that prefer the FHIR-only
    /// cards to no service at all.
    /// </summary>
    public bool RequireModelAtStart { get; set; } = true;

    /// <summary>The KServe v2 server, for <see cref="InferenceBackendKind.KServe"/>.</summary>
    public KServeOptions KServe { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Backend == InferenceBackendKind.KServe)
        {
            if (KServe.BaseUrl is null || !KServe.BaseUrl.IsAbsoluteUri || (KServe.BaseUrl.Scheme != Uri.UriSchemeHttp && KServe.BaseUrl.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult("Inference:KServe:BaseUrl must be an absolute http(s) URL when Inference:Backend is KServe.", [nameof(KServe)]);
            }

            if (KServe.AttemptTimeoutSeconds is < 1 or > 600 || KServe.TotalTimeoutSeconds < KServe.AttemptTimeoutSeconds)
            {
                yield return new ValidationResult("Inference:KServe timeouts must be 1-600 s per attempt and the total at least one attempt.", [nameof(KServe)]);
            }
        }
    }
}
