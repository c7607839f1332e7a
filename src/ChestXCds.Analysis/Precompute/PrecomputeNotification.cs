using ChestXCds.Fhir.Imaging;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Precompute;

/// <summary>
/// Reads what a precompute call carries: an ImagingStudy, or a Bundle holding ImagingStudies — a FHIR
/// R4 Subscription notification (type history, full-resource payload, the Backport IG's
/// subscription-notification shape) or any collection — with their Endpoints beside them.
/// </summary>
public static class PrecomputeNotification
{
    /// <summary>The studies to analyse for <paramref name="client"/>, or the reason nothing can be queued.</summary>
    public static (IReadOnlyList<(string Reference, PrecomputeRequest Request)> Studies, string? Error) Read(Resource? resource, string client)
    {
        var resources = resource switch
        {
            null => [],
            Bundle bundle => bundle.Entry.Select(e => e.Resource).Where(r => r is not null).ToList(),
            _ => [resource],
        };

        var studies = resources.OfType<ImagingStudy>().ToList();
        if (studies.Count == 0)
        {
            return ([], resource is null
                ? "The body is not a FHIR R4 resource."
                : "No ImagingStudy resource in the body: send the ImagingStudy, or a Subscription notification with full-resource content.");
        }

        var endpoints = resources.OfType<Endpoint>().ToList();
        var queued = new List<(string, PrecomputeRequest)>();
        foreach (var study in studies)
        {
            if (ImagingStudyLocator.Locate(study, endpoints) is not { } location)
            {
                return ([], $"ImagingStudy/{study.Id} has no identifier with system urn:dicom:uid (the Study Instance UID).");
            }

            queued.Add(($"ImagingStudy/{study.Id}", new PrecomputeRequest(location, client)));
        }

        return (queued, null);
    }
}
