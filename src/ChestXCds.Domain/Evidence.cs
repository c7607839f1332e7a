namespace ChestXCds.Domain;

/// <summary>What a reasoning step rests on.</summary>
/// <param name="Kind">ImageScore, ReportSentence, Knowledge or Step.</param>
/// <param name="Description">Human-readable statement of the evidence.</param>
/// <param name="Source">A reference to where it came from (DiagnosticReport/…, the model, a knowledge file).</param>
/// <param name="Quote">The quoted text, for report evidence.</param>
/// <param name="Span">The quoted span inside the source text.</param>
/// <param name="Date">When the source was recorded.</param>
/// <param name="Score">Model probability, for image evidence.</param>
/// <param name="Threshold">Model threshold, for image evidence.</param>
/// <param name="Assertion">The assertion extracted from the quote, for report evidence.</param>
public sealed record Evidence(
    EvidenceKind Kind,
    string Description,
    string? Source = null,
    string? Quote = null,
    TextSpan? Span = null,
    DateTimeOffset? Date = null,
    double? Score = null,
    double? Threshold = null,
    Assertion? Assertion = null);

public enum EvidenceKind
{
    ImageScore,
    ReportSentence,
    Knowledge,
    Step,
}
