using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Inference;

/// <summary>The remote inference server (section <c>Inference:KServe</c>), used when <see cref="InferenceOptions.Backend"/> is KServe.</summary>
public sealed class KServeOptions
{
    public const string SectionName = "Inference:KServe";

    /// <summary>Base URL of the server, e.g. http://triton:8000 (the /v2 paths are appended). Required for the KServe backend. Default: none.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model name on the server. Default: null, meaning the manifest's name.</summary>
    public string? ModelName { get; set; }

    /// <summary>The model version on the server. Default: null, meaning the server's choice.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>
    /// Send the input and ask for the output as binary tensor data (the binary tensor data extension,
    /// Inference-Header-Content-Length) instead of JSON number arrays. Default: true (about 4x smaller, no float text round trip).
    /// </summary>
    public bool BinaryData { get; set; } = true;

    /// <summary>Timeout of one HTTP attempt, in seconds. Default: 10.</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Timeout of a call including retries, in seconds. Default: 30.</summary>
    [Range(1, 3600)]
    public int TotalTimeoutSeconds { get; set; } = 30;
}
