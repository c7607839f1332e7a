namespace ChestXCds.Domain;

/// <summary>One mention of a finding in a radiology report, with its assertion and context.</summary>
/// <param name="FindingId">Catalog id.</param>
/// <param name="Assertion">Present, absent (negated) or uncertain.</param>
/// <param name="Section">Report section the mention is in (indication, comparison, findings, impression, or other).</param>
/// <param name="MentionSpan">The span of the mention phrase in the full report text.</param>
/// <param name="SentenceSpan">The span of the sentence holding the mention in the full report text.</param>
/// <param name="Sentence">The sentence text, for quoting.</param>
/// <param name="Laterality">left, right or bilateral when stated.</param>
/// <param name="Locations">upper, lower, base, apex ... when stated.</param>
/// <param name="Temporal">The temporal cue attached to the mention, if any.</param>
public sealed record ReportFinding(
    string FindingId,
    Assertion Assertion,
    string Section,
    TextSpan MentionSpan,
    TextSpan SentenceSpan,
    string Sentence,
    string? Laterality,
    IReadOnlyList<string> Locations,
    TemporalChange Temporal);
