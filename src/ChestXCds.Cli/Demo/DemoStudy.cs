namespace ChestXCds.Cli.Demo;

/// <summary>One of the demo patient's chest radiographs: which shared DICOM file, when, and the report written about it.</summary>
/// <param name="Id">The ImagingStudy id on the demo FHIR server.</param>
/// <param name="DicomFile">File name under shared/data/dicom (searched recursively).</param>
/// <param name="Age">How long before the demo's start the study was taken.</param>
/// <param name="ReportText">The radiologist's report, sections kept; null when the study is not reported yet.</param>
public sealed record DemoStudy(string Id, string DicomFile, TimeSpan Age, string? ReportText)
{
    /// <summary>The demo patient's studies: today's (unreported) and two reported priors, all real NIH images of one patient.</summary>
    public static IReadOnlyList<DemoStudy> Defaults { get; } =
    [
        new("cxr-today", "nih_00000001_002_cardiomegaly_effusion_jpegLS_lossless.dcm", TimeSpan.FromHours(3), null),
        new(
            "cxr-6-weeks",
            "nih_00000001_001_cardiomegaly_emphysema_jpegLosslessSV1.dcm",
            TimeSpan.FromDays(42),
            "INDICATION: Shortness of breath.\nCOMPARISON: Prior chest radiograph one year ago.\n"
            + "FINDINGS: The heart is enlarged. The lungs are hyperexpanded with flattened hemidiaphragms, consistent with emphysema. "
            + "No pleural effusion. No pneumothorax. No focal consolidation.\n"
            + "IMPRESSION: Stable cardiomegaly. Emphysema. No pleural effusion."),
        new(
            "cxr-1-year",
            "nih_00000001_000_cardiomegaly_explicitLE.dcm",
            TimeSpan.FromDays(380),
            "INDICATION: Routine follow-up.\nCOMPARISON: None.\n"
            + "FINDINGS: Mild enlargement of the cardiac silhouette. Lungs are clear. No pleural effusion or pneumothorax.\n"
            + "IMPRESSION: Mild cardiomegaly. No acute cardiopulmonary process."),
    ];
}
