namespace ChestXCds.Domain;

/// <summary>The result of analysing one imaging study: scores, reasoning and what was used as evidence.</summary>
/// <param name="StudyInstanceUid">DICOM Study Instance UID (no urn:oid: prefix).</param>
/// <param name="SopInstanceUid">The image that was analysed.</param>
/// <param name="Model">The model that produced the scores.</param>
/// <param name="Scores">One score per model label.</param>
/// <param name="Chains">One verified reasoning chain per finding reported on.</param>
/// <param name="EvidenceReports">References of the prior reports used as evidence.</param>
/// <param name="AnalyzedAt">When the analysis finished.</param>
public sealed record StudyAnalysis(
    string StudyInstanceUid,
    string? SopInstanceUid,
    ModelDescriptor Model,
    IReadOnlyList<FindingScore> Scores,
    IReadOnlyList<ReasoningChain> Chains,
    IReadOnlyList<string> EvidenceReports,
    DateTimeOffset AnalyzedAt);
