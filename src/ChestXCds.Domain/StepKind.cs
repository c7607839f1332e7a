namespace ChestXCds.Domain;

/// <summary>The kinds of reasoning step, in the order a radiologist takes them (ChestX-Reasoner).</summary>
public enum StepKind
{
    Plan,
    ImageEvidence,
    PriorReportEvidence,
    TemporalComparison,
    Conclusion,
}
