using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.Domain;
using ChestXCds.Fhir.Imaging;
using ChestXCds.Fhir.Reading;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Ai;

/// <summary>
/// Where a chosen study's images are. CDS Hooks prefetch cannot _include, so an ImagingStudy that
/// references (rather than contains) its dicom-wado-rs Endpoint has that Endpoint read here from the
/// hook's FHIR server with the hook's token (STANDARDS.md, Prefetch), and remembered briefly in
/// <see cref="EndpointCache"/>.
/// </summary>
public sealed class StudyLocationResolver(IFhirQueryClient fhir, EndpointCache cache)
{
    public async Task<DicomStudyLocation?> ResolveAsync(ChestStudy study, PatientContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(context);
        var located = ImagingStudyLocator.Locate(study.Study);
        if (located is null || located.WadoRsAddress is not null || context.FhirServer is not { } server)
        {
            return located;
        }

        var endpoints = new List<Endpoint>();
        // A few at most: an ImagingStudy names one Endpoint, sometimes one per series.
        foreach (var id in ImagingStudyLocator.ReferencedEndpointIds(study.Study).Take(3))
        {
            if (cache.Get(server.BaseUrl, id) is { } remembered)
            {
                endpoints.Add(remembered);
                continue;
            }

            try
            {
                if (await fhir.GetAsync(server, "Endpoint/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false) is Endpoint endpoint)
                {
                    cache.Set(server.BaseUrl, id, endpoint);
                    endpoints.Add(endpoint);
                }
            }
            catch (FhirReadException)
            {
                // An unreadable Endpoint leaves the study to the configured default DICOMweb base.
            }
        }

        return endpoints.Count == 0 ? located : ImagingStudyLocator.Locate(study.Study, endpoints);
    }
}
