using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Studies;

/// <summary>A chest CR/DX study chosen by <see cref="StudySelector"/>, with its report when one was found.</summary>
/// <param name="Study">The ImagingStudy.</param>
/// <param name="Started">ImagingStudy.started.</param>
/// <param name="StudyInstanceUid">From the identifier with system urn:dicom:uid (urn:oid: stripped); null when absent.</param>
/// <param name="Modality">CR or DX.</param>
/// <param name="Report">The DiagnosticReport of this study, when there is one.</param>
/// <param name="Impression">The report's impression (conclusion, or the IMPRESSION section of its text).</param>
public sealed record ChestStudy(
    ImagingStudy Study,
    DateTimeOffset Started,
    string? StudyInstanceUid,
    string Modality,
    DiagnosticReport? Report,
    string? Impression)
{
    /// <summary>A human description of the study: its description, else its procedure's text, else "Chest radiograph".</summary>
    public string Description =>
        FirstNonEmpty(Study.Description, Study.ProcedureCode.FirstOrDefault()?.Text, Study.ProcedureCode.FirstOrDefault()?.Coding.FirstOrDefault()?.Display)
        ?? "Chest radiograph";

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
