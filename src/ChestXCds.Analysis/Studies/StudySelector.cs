using ChestXCds.Analysis.Orders;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// Chooses the patient's chest radiographs (modality CR or DX, chest body site or chest procedure)
/// started within a look-back, newest first, each with its report. Studies that were cancelled or
/// entered in error, or have no start time, are not counted.
/// </summary>
public sealed class StudySelector(ChestImagingOrderCatalog catalog)
{
    private const string UidSystem = "urn:dicom:uid";

    /// <summary>SNOMED CT body structures of the chest: thoracic structure, chest, entire thorax.</summary>
    private static readonly HashSet<string> ChestBodySites = new(StringComparer.OrdinalIgnoreCase) { "51185008", "43799004", "302551006", "CHEST", "THORAX" };

    private static readonly string[] ChestWords = ["chest", "thorax", "thoracic", "cxr", "lung"];

    private static readonly HashSet<string> RadiographModalities = new(StringComparer.OrdinalIgnoreCase) { "CR", "DX" };

    /// <summary>Chest radiographs started in [<paramref name="notBefore"/>, <paramref name="notAfter"/>], newest first.</summary>
    public IReadOnlyList<ChestStudy> Select(
        IEnumerable<ImagingStudy> studies,
        IEnumerable<DiagnosticReport> reports,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter)
    {
        var reportList = reports.Where(r => r.Status is not (DiagnosticReport.DiagnosticReportStatus.EnteredInError or DiagnosticReport.DiagnosticReportStatus.Cancelled)).ToList();
        var chosen = new List<ChestStudy>();
        foreach (var study in studies)
        {
            if (study.Status is ImagingStudy.ImagingStudyStatus.Cancelled or ImagingStudy.ImagingStudyStatus.EnteredInError)
            {
                continue;
            }

            var modality = RadiographModality(study);
            if (modality is null || !IsChest(study) || !TryStarted(study, out var started) || started < notBefore || started > notAfter)
            {
                continue;
            }

            var report = ReportOf(study, reportList);
            chosen.Add(new ChestStudy(study, started, StudyInstanceUid(study), modality, report, report is null ? null : ReportImpression.Of(report)));
        }

        return chosen.OrderByDescending(s => s.Started).ToList();
    }

    /// <summary>The Study Instance UID (identifier system urn:dicom:uid, value without urn:oid:).</summary>
    public static string? StudyInstanceUid(ImagingStudy study)
    {
        var value = study.Identifier.FirstOrDefault(i => i.System == UidSystem)?.Value;
        return value is null ? null : value.StartsWith("urn:oid:", StringComparison.Ordinal) ? value["urn:oid:".Length..] : value;
    }

    private static string? RadiographModality(ImagingStudy study) =>
        study.Modality.Select(m => m.Code)
            .Concat(study.Series.Select(s => s.Modality?.Code))
            .FirstOrDefault(code => code is not null && RadiographModalities.Contains(code))?.ToUpperInvariant();

    private bool IsChest(ImagingStudy study)
    {
        if (study.Series.Any(s => s.BodySite is { } site && site.Code is not null && ChestBodySites.Contains(site.Code)))
        {
            return true;
        }

        if (study.ProcedureCode.Any(catalog.Matches))
        {
            return true;
        }

        var texts = new[] { study.Description }
            .Concat(study.ProcedureCode.Select(p => p.Text))
            .Concat(study.Series.Select(s => s.Description))
            .Concat(study.Series.Select(s => s.BodySite?.Display));
        return texts.Any(t => t is not null && ChestWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool TryStarted(ImagingStudy study, out DateTimeOffset started)
    {
        started = default;
        if (study.StartedElement is not { } element || !element.TryToDateTimeOffset(out var value))
        {
            return false;
        }

        started = value;
        return true;
    }

    /// <summary>A report about this study: it references the study, or shares an order (basedOn) with it; a final one before a preliminary one.</summary>
    private static DiagnosticReport? ReportOf(ImagingStudy study, List<DiagnosticReport> reports)
    {
        var studyRef = $"ImagingStudy/{study.Id}";
        var orders = study.BasedOn.Select(b => b.Reference).Where(r => !string.IsNullOrEmpty(r)).ToHashSet(StringComparer.Ordinal);
        return reports
            .Where(r => (study.Id is not null && r.ImagingStudy.Any(i => i.Reference is { } reference && (reference == studyRef || reference.EndsWith("/" + studyRef, StringComparison.Ordinal))))
                        || r.BasedOn.Any(b => b.Reference is { } reference && orders.Contains(reference)))
            .OrderBy(r => r.Status is DiagnosticReport.DiagnosticReportStatus.Final or DiagnosticReport.DiagnosticReportStatus.Amended or DiagnosticReport.DiagnosticReportStatus.Corrected ? 0 : 1)
            .ThenByDescending(r => r.Issued ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
    }
}
