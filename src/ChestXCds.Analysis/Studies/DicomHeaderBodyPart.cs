using ChestXCds.Imaging.DicomWeb;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// Whether a study's DICOM header, as a QIDO-RS series search returns it, says it is a chest radiograph. Only the CR
/// and DX series speak (a study may hold a scanned request form or a dose report), and a study without one is not a
/// radiograph whatever its FHIR metadata said. The study is chest when:
/// <list type="number">
/// <item>a CR/DX series has Body Part Examined (0018,0015) CHEST or LUNG (PS3.16 CID 4031 and Annex L) or THORAX
/// (not a Defined Term, but written by some modalities; <see cref="FrontalImageSelector"/> accepts it too); or</item>
/// <item>no CR/DX series names a body part at all, and the Study Description (0008,1030) or a CR/DX series'
/// Series Description (0008,103E) holds "chest", "thorax", "cxr" or "lung".</item>
/// </list>
/// A body part other than those (KNEE, TSPINE) is the modality's word and overrides any description. View Position
/// (0018,5101) is not evidence: PA and AP are also the views of hands, knees, pelvis and spine, and a chest model
/// shown those would produce findings for the wrong body part. "Thoracic" is not a chest word here: in radiograph
/// descriptions it names the thoracic spine as often as the chest.
/// </summary>
public static class DicomHeaderBodyPart
{
    private static readonly HashSet<string> ChestBodyParts = new(StringComparer.OrdinalIgnoreCase) { "CHEST", "LUNG", "THORAX" };

    private static readonly string[] ChestWords = ["chest", "thorax", "cxr", "lung"];

    private static readonly HashSet<string> RadiographModalities = new(StringComparer.OrdinalIgnoreCase) { "CR", "DX" };

    public static bool SaysChest(IReadOnlyList<DicomSeriesSummary> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var radiographs = series.Where(s => s.Modality is { } modality && RadiographModalities.Contains(modality)).ToList();
        if (radiographs.Count == 0)
        {
            return false;
        }

        var bodyParts = radiographs.Select(s => s.BodyPartExamined).OfType<string>().ToList();
        if (bodyParts.Count > 0)
        {
            return bodyParts.Any(ChestBodyParts.Contains);
        }

        return radiographs.SelectMany(s => new[] { s.StudyDescription, s.SeriesDescription })
            .OfType<string>()
            .Any(text => ChestWords.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }
}
