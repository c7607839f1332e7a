using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>Finds mentions of findings in radiology report text, with assertion, laterality, location and temporal cue.</summary>
public interface IReportFindingExtractor
{
    /// <summary>Mentions of FindingCatalog findings, in text order; spans index <paramref name="reportText"/>.</summary>
    IReadOnlyList<ReportFinding> Extract(string reportText);

    /// <summary>
    /// Mentions of every lexicon observation, catalog findings and the others (granuloma, "lungs",
    /// scoliosis ...), in text order. <see cref="ReportFinding.FindingId"/> is then a lexicon id.
    /// </summary>
    IReadOnlyList<ReportFinding> ExtractObservations(string reportText);
}
