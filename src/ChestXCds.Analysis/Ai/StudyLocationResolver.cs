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
/// hook's FHIR server with the hook's token (STANDARDS.md, Prefetch).
/// </summary>
public sealed class StudyLocationResolver(IFhirQueryClient fhir)
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
        foreach (var id in ReferencedEndpointIds(study.Study))
        {
            try
            {
                if (await fhir.GetAsync(server, "Endpoint/" + Uri.EscapeDataString(id), cancellationToken).ConfigureAwait(false) is Endpoint endpoint)
                {
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

    private static IEnumerable<string> ReferencedEndpointIds(ImagingStudy study) =>
        study.Endpoint.Concat(study.Series.SelectMany(s => s.Endpoint))
            .Select(r => r.Reference)
            .Where(r => !string.IsNullOrWhiteSpace(r) && !r.StartsWith('#'))
            .Select(r => r!.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(segments => Array.LastIndexOf(segments, "Endpoint") is var at && at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Take(3);
}
