namespace ChestXCds.Fhir.Reading;

/// <summary>How the service reads the EHR's FHIR server when prefetch is absent or failed; section <c>Fhir:Reading</c>.</summary>
public sealed class FhirReadingOptions
{
    public const string SectionName = "Fhir:Reading";

    /// <summary>Timeout of one FHIR request, in seconds. Default 10 (a hook should answer in about 0.5 s; this bounds the worst case).</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>Most search pages followed through Bundle.link[next]. Default 5.</summary>
    public int MaxPages { get; set; } = 5;

    /// <summary>Retries of a failed read (transient errors: 408, 429, 5xx, network). Default 1.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>
    /// How long an Endpoint read from the FHIR server (a study's DICOMweb address) is remembered, per FHIR server
    /// and Endpoint id, in seconds. 0 reads it on every hook. Default 60.
    /// </summary>
    public int EndpointCacheSeconds { get; set; } = 60;
}
