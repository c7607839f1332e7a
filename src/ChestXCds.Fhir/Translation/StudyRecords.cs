using ChestXCds.Domain.Records;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>ImagingStudy → <see cref="StudyRecord"/>: the only place the service reads an ImagingStudy's shape.</summary>
public static class StudyRecords
{
    public static StudyRecord From(ImagingStudy study)
    {
        ArgumentNullException.ThrowIfNull(study);
        var procedureTexts = study.ProcedureCode.Select(p => p.Text);
        return new StudyRecord
        {
            Id = string.IsNullOrWhiteSpace(study.Id) ? null : study.Id,
            StudyInstanceUid = DicomUids.From(study.Identifier) is { Length: > 0 } uid ? uid : null,
            Started = study.StartedElement is { } started && started.TryToDateTimeOffset(out var value) ? value : null,
            Withdrawn = study.Status is ImagingStudy.ImagingStudyStatus.Cancelled or ImagingStudy.ImagingStudyStatus.EnteredInError,
            Modalities = study.Modality.Select(m => m.Code)
                .Concat(study.Series.Select(s => s.Modality?.Code))
                .Where(c => !string.IsNullOrWhiteSpace(c))
                .Select(c => c!.Trim().ToUpperInvariant())
                .Distinct(StringComparer.Ordinal)
                .ToList(),
            BodySites = study.Series.Select(s => s.BodySite).OfType<Coding>().Select(Codes.Of).ToList(),
            ProcedureCodes = study.ProcedureCode.SelectMany(p => p.Coding).Select(Codes.Of).ToList(),
            Texts = new[] { study.Description }
                .Concat(procedureTexts)
                .Concat(study.ProcedureCode.SelectMany(p => p.Coding).Select(c => c.Display))
                .Concat(study.Series.Select(s => s.Description))
                .Concat(study.Series.Select(s => s.BodySite?.Display))
                .Where(t => !string.IsNullOrWhiteSpace(t))
                .Select(t => t!.Trim())
                .ToList(),
            Description = Codes.FirstText(study.Description, study.ProcedureCode.FirstOrDefault()?.Text, study.ProcedureCode.FirstOrDefault()?.Coding.FirstOrDefault()?.Display),
            BasedOn = study.BasedOn.Select(b => b.Reference).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r!).ToList(),
            Endpoints = study.Endpoint.Concat(study.Series.SelectMany(s => s.Endpoint)).Select(r => Endpoint(r, study)).OfType<StudyEndpoint>().ToList(),
        };
    }

    private static StudyEndpoint? Endpoint(ResourceReference reference, ImagingStudy study)
    {
        var target = reference.Reference?.Trim();
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (target.StartsWith('#'))
        {
            var contained = study.Contained.OfType<Hl7.Fhir.Model.Endpoint>().FirstOrDefault(e => e.Id == target[1..]);
            return new StudyEndpoint(WadoRsEndpoints.AddressOf(contained), null);
        }

        return WadoRsEndpoints.ReferencedId(target) is { } id ? new StudyEndpoint(null, id) : null;
    }
}
