using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>Which Endpoints are DICOMweb WADO-RS endpoints the service may use (STANDARDS.md "ImagingStudy → images").</summary>
public static class WadoRsEndpoints
{
    public const string ConnectionType = "dicom-wado-rs";
    public const string ConnectionTypeSystem = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

    /// <summary>The address of an active (or test) dicom-wado-rs Endpoint; null for any other Endpoint.</summary>
    public static string? AddressOf(Endpoint? endpoint) =>
        endpoint is not null
        && !string.IsNullOrWhiteSpace(endpoint.Address)
        && endpoint.Status is null or Endpoint.EndpointStatus.Active or Endpoint.EndpointStatus.Test
        && endpoint.ConnectionType is { } type
        && string.Equals(type.Code, ConnectionType, StringComparison.Ordinal)
        && (type.System is null || string.Equals(type.System, ConnectionTypeSystem, StringComparison.Ordinal))
            ? endpoint.Address.Trim()
            : null;

    /// <summary>The id in Endpoint/{id}, Endpoint/{id}/_history/{v}, or an absolute URL ending in either; null otherwise.</summary>
    public static string? ReferencedId(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var segments = reference.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.LastIndexOf(segments, "Endpoint");
        return at < 0 || at + 1 >= segments.Length ? null : segments[at + 1];
    }
}
