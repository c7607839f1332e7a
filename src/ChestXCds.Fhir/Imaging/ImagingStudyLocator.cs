using ChestXCds.Domain;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Imaging;

/// <summary>
/// Where an ImagingStudy's images are (STANDARDS.md "ImagingStudy → images"): the Study Instance
/// UID from the identifier with system urn:dicom:uid (urn:oid: stripped), and the address of a
/// dicom-wado-rs Endpoint named by ImagingStudy.endpoint or else by a series' endpoint, contained
/// or referenced. CDS Hooks prefetch cannot _include, so referenced Endpoints are passed in by the
/// caller once read.
/// </summary>
public static class ImagingStudyLocator
{
    public const string DicomUidSystem = "urn:dicom:uid";
    public const string WadoRsConnectionType = "dicom-wado-rs";
    public const string ConnectionTypeSystem = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";

    /// <param name="referencedEndpoints">Endpoints already read for non-contained references; matched by id.</param>
    /// <returns>The location, with a null address when no usable Endpoint is named; null when the study has no Study Instance UID.</returns>
    public static DicomStudyLocation? Locate(ImagingStudy study, IEnumerable<Endpoint>? referencedEndpoints = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var uid = StudyInstanceUid(study);
        if (uid is null)
        {
            return null;
        }

        var known = referencedEndpoints?.Where(e => !string.IsNullOrEmpty(e.Id)).ToList() ?? [];
        var references = study.Endpoint.Concat(study.Series.SelectMany(s => s.Endpoint));
        var address = references
            .Select(reference => Resolve(reference, study, known))
            .FirstOrDefault(IsUsableWadoRs)?.Address;
        return new DicomStudyLocation(uid, address);
    }

    /// <summary>The Study Instance UID, or null when no identifier has system urn:dicom:uid.</summary>
    public static string? StudyInstanceUid(ImagingStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var value = study.Identifier
            .FirstOrDefault(i => string.Equals(i.System, DicomUidSystem, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(i.Value))?
            .Value?.Trim();
        if (value is null)
        {
            return null;
        }

        // The DICOM identifier is written as urn:oid:1.2.3 (FHIR R4 ImagingStudy.identifier notes).
        return value.StartsWith("urn:oid:", StringComparison.OrdinalIgnoreCase) ? value["urn:oid:".Length..] : value;
    }

    /// <summary>
    /// The ids of the Endpoints the study (or a series) references but does not contain, for the caller to read
    /// before <see cref="Locate"/> (CDS Hooks prefetch cannot _include them).
    /// </summary>
    public static IReadOnlyList<string> ReferencedEndpointIds(ImagingStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.Endpoint.Concat(study.Series.SelectMany(s => s.Endpoint))
            .Select(r => r.Reference)
            .Where(r => !string.IsNullOrWhiteSpace(r) && !r.StartsWith('#'))
            .Select(r => EndpointId(r!))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The id in Endpoint/{id}, Endpoint/{id}/_history/{v}, or an absolute URL ending in either; null otherwise.</summary>
    private static string? EndpointId(string target)
    {
        var segments = target.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.LastIndexOf(segments, "Endpoint");
        return at < 0 || at + 1 >= segments.Length ? null : segments[at + 1];
    }

    private static Endpoint? Resolve(ResourceReference reference, ImagingStudy study, List<Endpoint> known)
    {
        var target = reference.Reference;
        if (string.IsNullOrWhiteSpace(target))
        {
            return null;
        }

        if (target.StartsWith('#'))
        {
            return study.Contained.OfType<Endpoint>().FirstOrDefault(e => e.Id == target[1..]);
        }

        var id = EndpointId(target);
        return id is null ? null : known.FirstOrDefault(e => e.Id == id);
    }

    private static bool IsUsableWadoRs(Endpoint? endpoint) =>
        endpoint is not null
        && !string.IsNullOrWhiteSpace(endpoint.Address)
        && endpoint.Status is null or Endpoint.EndpointStatus.Active or Endpoint.EndpointStatus.Test
        && endpoint.ConnectionType is { } type
        && string.Equals(type.Code, WadoRsConnectionType, StringComparison.Ordinal)
        && (type.System is null || string.Equals(type.System, ConnectionTypeSystem, StringComparison.Ordinal));
}
