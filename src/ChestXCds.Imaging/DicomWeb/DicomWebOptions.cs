using System.ComponentModel.DataAnnotations;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>How Imaging talks to DICOMweb servers (QIDO-RS and WADO-RS, PS3.18).</summary>
public sealed class DicomWebOptions
{
    public const string SectionName = "Imaging:DicomWeb";

    /// <summary>
    /// WADO-RS/QIDO-RS base URL (e.g. http://pacs:8042/dicom-web) used when an ImagingStudy names no
    /// dicom-wado-rs Endpoint. Absolute http(s) URL. Default: none (such studies fail with a clear error).
    /// </summary>
    [Url]
    public string? DefaultBaseAddress { get; set; }

    /// <summary>
    /// Timeout of one HTTP attempt until the response headers arrive, in seconds. Default 60: WADO-RS
    /// servers may transcode or fetch a large radiograph from archive before they answer.
    /// </summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Limit for a whole operation (all attempts and retry delays, or streaming one instance's body),
    /// in seconds. Default 300. Must be at least <see cref="AttemptTimeoutSeconds"/>.
    /// </summary>
    [Range(1, 3600)]
    public int TotalTimeoutSeconds { get; set; } = 300;

    /// <summary>Retries after a transient failure (5xx, 408, 429, connection errors, attempt timeouts). Default 3.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>
    /// Base delay between retries, in milliseconds, growing exponentially with jitter. Default 1000.
    /// A 503 or 429 with Retry-After waits for the time the server asks instead.
    /// </summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Largest DICOM instance accepted from WADO-RS, in bytes. Default 268435456 (256 MiB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxInstanceBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Largest QIDO-RS answer accepted (instance and series searches), in bytes. Default 1048576 (1 MiB): a radiograph
    /// study's answer is a few kilobytes (about 2,000 instances fit), and an answer the service reads must not be
    /// allowed to fill its memory.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxQidoResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Send the EHR's FHIR access token to the DICOMweb server as a bearer token. Default false: only
    /// where the deployment says the PACS expects it (STANDARDS.md), since the token grants FHIR access.
    /// </summary>
    public bool ForwardFhirAccessToken { get; set; }

    /// <summary>Folder for the instance being decoded (one at a time per retrieval). Default: the system temp folder.</summary>
    public string? TemporaryDirectory { get; set; }
}
