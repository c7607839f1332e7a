using ChestXCds.Domain;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// The expensive, patient-context-free part of a study's analysis: the image chosen and the model's
/// scores. Cached by Study Instance UID and model version (reasoning over prior reports is redone per
/// hook because the reports can change; see docs/adr/0004).
/// </summary>
public sealed record ImageFindings(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    ModelDescriptor Model,
    IReadOnlyList<FindingScore> Scores,
    DateTimeOffset AnalyzedAt,
    ImageAnalysisTimings Timings);
