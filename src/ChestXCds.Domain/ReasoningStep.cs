namespace ChestXCds.Domain;

/// <summary>One step of a reasoning chain, with the verifier's verdict once verified.</summary>
/// <param name="Index">0-based position in the chain.</param>
/// <param name="Kind">What kind of step it is.</param>
/// <param name="FindingId">The finding the step is about, when it is about one.</param>
/// <param name="Text">The step as a sentence a radiologist would write.</param>
/// <param name="Claim">The assertion the step makes about the finding, when it makes one.</param>
/// <param name="Evidence">What the step rests on.</param>
/// <param name="Verdict">Null until verified.</param>
/// <param name="VerdictReason">Why the verifier decided as it did.</param>
public sealed record ReasoningStep(
    int Index,
    StepKind Kind,
    string? FindingId,
    string Text,
    Assertion? Claim,
    IReadOnlyList<Evidence> Evidence,
    StepVerdict? Verdict = null,
    string? VerdictReason = null);
