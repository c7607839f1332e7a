using ChestXCds.Analysis.Orders;
using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// Chooses the patient's chest radiographs (modality CR or DX, chest body site, chest procedure or chest words in
/// the descriptions) started within a look-back, newest first, each with its report. Studies that were cancelled
/// or entered in error, or have no start time, are not counted. A radiograph whose metadata says nothing about the
/// body part (<see cref="StudyBodyPart.Undetermined"/>) is counted only when its DICOM header said chest
/// (<c>StudyBodyPartResolver</c>); the selector itself reads nothing.
/// </summary>
public sealed class StudySelector(ChestImagingOrderCatalog catalog)
{
    /// <summary>SNOMED CT body structures of the chest: thoracic structure, chest, entire thorax; and DICOM's CHEST.</summary>
    private static readonly HashSet<string> ChestBodySites = new(StringComparer.OrdinalIgnoreCase) { "51185008", "43799004", "302551006", "CHEST", "THORAX" };

    /// <summary>Words that name the chest in a description. Not "thoracic": in radiograph descriptions it usually means the thoracic spine.</summary>
    private static readonly string[] ChestWords = ["chest", "thorax", "cxr", "lung"];

    private static readonly HashSet<string> RadiographModalities = new(StringComparer.OrdinalIgnoreCase) { "CR", "DX" };

    /// <summary>Chest radiographs started in [<paramref name="notBefore"/>, <paramref name="notAfter"/>], newest first.</summary>
    /// <param name="chestByDicomHeader">
    /// Study Instance UIDs of <see cref="StudyBodyPart.Undetermined"/> radiographs whose DICOM header said chest; such
    /// a radiograph is counted only when named here.
    /// </param>
    public IReadOnlyList<ChestStudy> Select(
        IEnumerable<StudyRecord> studies,
        IEnumerable<ReportRecord> reports,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        IReadOnlySet<string>? chestByDicomHeader = null)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(reports);
        var reportList = reports.Where(r => !r.Withdrawn).ToList();
        var chosen = new List<ChestStudy>();
        foreach (var study in studies)
        {
            if (!InWindow(study, notBefore, notAfter) || study.Started is not { } started
                || RadiographModality(study) is not { } modality || !IsChest(study, chestByDicomHeader))
            {
                continue;
            }

            var report = ReportOf(study, reportList);
            chosen.Add(new ChestStudy(study, started, modality, report, report is null ? null : ReportImpression.Of(report)));
        }

        return chosen.OrderByDescending(s => s.Started).ToList();
    }

    /// <summary>
    /// The CR/DX radiographs started in [<paramref name="notBefore"/>, <paramref name="notAfter"/>] whose metadata says
    /// nothing about the body part (<see cref="StudyBodyPart.Undetermined"/>) and that have a Study Instance UID to ask
    /// the PACS about, newest first. A radiograph that names another body part is not among them.
    /// </summary>
    public IReadOnlyList<StudyRecord> Undetermined(IEnumerable<StudyRecord> studies, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        ArgumentNullException.ThrowIfNull(studies);
        return studies
            .Where(s => InWindow(s, notBefore, notAfter) && RadiographModality(s) is not null && s.StudyInstanceUid is not null
                        && BodyPartOf(s) == StudyBodyPart.Undetermined)
            .OrderByDescending(s => s.Started)
            .ToList();
    }

    /// <summary>What the study's FHIR metadata says about its body part; the modality is not looked at.</summary>
    public StudyBodyPart BodyPartOf(StudyRecord study)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.BodySites.Any(site => site.Code is not null && ChestBodySites.Contains(site.Code))
            || catalog.Matches(study.ProcedureCodes)
            || study.Texts.Any(t => ChestWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase))))
        {
            return StudyBodyPart.Chest;
        }

        // A coding with neither code nor display names nothing; Texts holds only non-blank text.
        return study.BodySites.Any(Names) || study.ProcedureCodes.Any(Names) || study.Texts.Count > 0
            ? StudyBodyPart.NotChest
            : StudyBodyPart.Undetermined;
    }

    private bool IsChest(StudyRecord study, IReadOnlySet<string>? chestByDicomHeader) => BodyPartOf(study) switch
    {
        StudyBodyPart.Chest => true,
        StudyBodyPart.Undetermined => study.StudyInstanceUid is { } uid && chestByDicomHeader?.Contains(uid) == true,
        _ => false,
    };

    private static bool InWindow(StudyRecord study, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        !study.Withdrawn && study.Started is { } started && started >= notBefore && started <= notAfter;

    private static string? RadiographModality(StudyRecord study) => study.Modalities.FirstOrDefault(RadiographModalities.Contains);

    private static bool Names(CodedValue code) => !string.IsNullOrWhiteSpace(code.Code) || !string.IsNullOrWhiteSpace(code.Display);

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
