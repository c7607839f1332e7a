namespace ChestXCds.Domain;

/// <summary>A chain of reasoning steps answering one question about one finding.</summary>
/// <param name="Question">What was asked (e.g. "Is there a pleural effusion?").</param>
/// <param name="FindingId">The finding the chain is about.</param>
/// <param name="Steps">Plan, evidence, comparison, conclusion.</param>
/// <param name="Answer">The conclusion's assertion.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Change">The temporal comparison's outcome.</param>
public sealed record ReasoningChain(
    string Question,
    string FindingId,
    IReadOnlyList<ReasoningStep> Steps,
    Assertion Answer,
    double Confidence,
    TemporalChange Change);
