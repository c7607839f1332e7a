using ChestXCds.Domain;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Imaging;

/// <summary>
/// Where a study's images are (STANDARDS.md "ImagingStudy → images"): its Study Instance UID, and the
/// address of the first usable dicom-wado-rs Endpoint it names (ImagingStudy.endpoint, then the series'),
/// contained or referenced. CDS Hooks prefetch cannot _include, so referenced Endpoints are passed in by the
/// caller once read (<see cref="StudyEndpointResolver"/>).
/// </summary>
public static class ImagingStudyLocator
{
    /// <param name="referencedAddresses">Endpoint id → its WADO-RS address (null when that Endpoint is not usable), for the Endpoints already read.</param>
    /// <returns>The location, with a null address when no usable Endpoint is named; null when the study has no Study Instance UID.</returns>
    public static DicomStudyLocation? Locate(StudyRecord study, IReadOnlyDictionary<string, string?>? referencedAddresses = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.StudyInstanceUid is not { } uid)
        {
            return null;
        }

        var address = study.Endpoints
            .Select(e => e.ReferencedId is { } id ? referencedAddresses?.GetValueOrDefault(id) : e.ContainedWadoRsAddress)
            .FirstOrDefault(a => a is not null);
        return new DicomStudyLocation(uid, address);
    }

    /// <summary>The same for a FHIR ImagingStudy and the referenced Endpoints that came with it (a precompute Bundle).</summary>
    public static DicomStudyLocation? Locate(ImagingStudy study, IEnumerable<Endpoint>? referencedEndpoints = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var addresses = (referencedEndpoints ?? [])
            .Where(e => !string.IsNullOrEmpty(e.Id))
            .GroupBy(e => e.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => WadoRsEndpoints.AddressOf(g.First()), StringComparer.Ordinal);
        return Locate(StudyRecords.From(study), addresses);
    }

    /// <summary>The ids of the Endpoints the study names without containing them, each once, in order.</summary>
    public static IReadOnlyList<string> ReferencedEndpointIds(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        return study.Endpoints.Select(e => e.ReferencedId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }
}
