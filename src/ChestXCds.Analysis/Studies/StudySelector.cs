using ChestXCds.Analysis.Orders;
using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// Chooses the patient's chest radiographs (modality CR or DX, chest body site, chest procedure or chest words in
/// the descriptions) started within a look-back, newest first, each with its report. Studies that were cancelled
/// or entered in error, or have no start time, are not counted.
/// </summary>
public sealed class StudySelector(ChestImagingOrderCatalog catalog)
{
    /// <summary>SNOMED CT body structures of the chest: thoracic structure, chest, entire thorax; and DICOM's CHEST.</summary>
    private static readonly HashSet<string> ChestBodySites = new(StringComparer.OrdinalIgnoreCase) { "51185008", "43799004", "302551006", "CHEST", "THORAX" };

    private static readonly string[] ChestWords = ["chest", "thorax", "thoracic", "cxr", "lung"];

    private static readonly HashSet<string> RadiographModalities = new(StringComparer.OrdinalIgnoreCase) { "CR", "DX" };

    /// <summary>Chest radiographs started in [<paramref name="notBefore"/>, <paramref name="notAfter"/>], newest first.</summary>
    public IReadOnlyList<ChestStudy> Select(
        IEnumerable<StudyRecord> studies,
        IEnumerable<ReportRecord> reports,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(reports);
        var reportList = reports.Where(r => !r.Withdrawn).ToList();
        var chosen = new List<ChestStudy>();
        foreach (var study in studies)
        {
            if (study.Withdrawn || study.Started is not { } started || started < notBefore || started > notAfter
                || RadiographModality(study) is not { } modality || !IsChest(study))
            {
                continue;
            }

            var report = ReportOf(study, reportList);
            chosen.Add(new ChestStudy(study, started, modality, report, report is null ? null : ReportImpression.Of(report)));
        }

        return chosen.OrderByDescending(s => s.Started).ToList();
    }

    private static string? RadiographModality(StudyRecord study) => study.Modalities.FirstOrDefault(RadiographModalities.Contains);

    private bool IsChest(StudyRecord study) =>
        study.BodySites.Any(site => site.Code is not null && ChestBodySites.Contains(site.Code))
        || catalog.Matches(study.ProcedureCodes)
        || study.Texts.Any(t => ChestWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A report about this study: it references the study, or shares an order (basedOn) with it; a final one before a preliminary one.</summary>
    private static ReportRecord? ReportOf(StudyRecord study, List<ReportRecord> reports)
    {
        var studyRef = study.Reference;
        var orders = study.BasedOn.ToHashSet(StringComparer.Ordinal);
        return reports
            .Where(r => (studyRef is not null && r.ImagingStudies.Any(reference => reference == studyRef || reference.EndsWith("/" + studyRef, StringComparison.Ordinal)))
                        || r.BasedOn.Any(orders.Contains))
            .OrderBy(r => r.IsFinal ? 0 : 1)
            .ThenByDescending(r => r.Issued ?? DateTimeOffset.MinValue)
            .FirstOrDefault();
    }
}
