using ChestXCds.Domain.Records;

namespace ChestXCds.Analysis.Studies;

/// <summary>A chest CR/DX study chosen by <see cref="StudySelector"/>, with its report when one was found.</summary>
/// <param name="Study">The study as ChestXCds.Fhir read it.</param>
/// <param name="Started">When it started.</param>
/// <param name="Modality">CR or DX.</param>
/// <param name="Report">The report of this study, when there is one.</param>
/// <param name="Impression">The report's impression (conclusion, or the impression section of its text).</param>
public sealed record ChestStudy(StudyRecord Study, DateTimeOffset Started, string Modality, ReportRecord? Report, string? Impression)
{
    /// <summary>Study Instance UID; null when the ImagingStudy names none.</summary>
    public string? StudyInstanceUid => Study.StudyInstanceUid;

    /// <summary>A human description of the study: its description, else its procedure's text, else "Chest radiograph".</summary>
    public string Description => Study.Description ?? "Chest radiograph";
}
