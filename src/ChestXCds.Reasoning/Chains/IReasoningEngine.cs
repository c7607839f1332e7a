using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Chains;

/// <summary>Builds and verifies reasoning chains from image scores and prior reports.</summary>
public interface IReasoningEngine
{
    /// <summary>
    /// One verified chain per finding asked about: plan, image evidence, prior-report evidence (quoted,
    /// dated), temporal comparison and conclusion, every step with a verdict and its reason.
    /// </summary>
    /// <param name="scores">The image model's scores (probability and threshold per finding).</param>
    /// <param name="priorReports">Prior reports with dates; may be empty.</param>
    /// <param name="findingIds">Findings to reason about; null means every finding the model scored.</param>
    IReadOnlyList<ReasoningChain> Reason(
        IReadOnlyList<FindingScore> scores,
        IReadOnlyList<PriorReport> priorReports,
        IReadOnlyList<string>? findingIds = null);
}
