using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Reading;

/// <summary>Reads a FHIR server with the hook's bearer token.</summary>
public interface IFhirQueryClient
{
    /// <summary>
    /// GETs <paramref name="relativeQuery"/> (e.g. <c>Patient/123</c> or <c>ImagingStudy?patient=123</c>) under
    /// <see cref="FhirServerAccess.BaseUrl"/>; for a searchset Bundle follows <c>link[next]</c> (same server only, up to
    /// <see cref="FhirReadingOptions.MaxPages"/>) and returns one Bundle with every entry.
    /// </summary>
    /// <exception cref="FhirReadException">The server could not be read; the message carries no token or identifier.</exception>
    Task<Resource> GetAsync(FhirServerAccess access, string relativeQuery, CancellationToken cancellationToken);
}
