using ChestXCds.Domain;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Reading;
using ChestXCds.Fhir.Translation;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Imaging;

/// <summary>
/// Where a chosen study's images are. A study that references (rather than contains) its dicom-wado-rs Endpoint
/// has that Endpoint read here from the hook's FHIR server with the hook's token (CDS Hooks prefetch cannot
/// _include it; STANDARDS.md, Prefetch), remembered briefly in <see cref="EndpointCache"/>.
/// </summary>
public sealed class StudyEndpointResolver(IFhirQueryClient fhir, EndpointCache cache)
{
    /// <summary>Endpoints read per study at most: a study names one, sometimes one per series.</summary>
    public const int MaxEndpointReads = 3;

    /// <returns>The location (its address null when no usable Endpoint is known); null when the study has no Study Instance UID.</returns>
    public async Task<DicomStudyLocation?> ResolveAsync(StudyRecord study, FhirServerAccess? server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        var located = ImagingStudyLocator.Locate(study);
        if (located is null || located.WadoRsAddress is not null || server is null)
        {
            return located;
        }

        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in ImagingStudyLocator.ReferencedEndpointIds(study).Take(MaxEndpointReads))
        {
            if (cache.TryGet(server.BaseUrl, id, out var remembered))
            {
                addresses[id] = remembered;
                continue;
            }

            try
            {
                if (await fhir.GetAsync(server, "Endpoint/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false) is Endpoint endpoint)
                {
                    addresses[id] = WadoRsEndpoints.AddressOf(endpoint);
                    cache.Set(server.BaseUrl, id, addresses[id]);
                }
            }
            catch (FhirReadException)
            {
                // An unreadable Endpoint leaves the study to the configured default DICOMweb base.
            }
        }

        return addresses.Count == 0 ? located : ImagingStudyLocator.Locate(study, addresses);
    }
}
