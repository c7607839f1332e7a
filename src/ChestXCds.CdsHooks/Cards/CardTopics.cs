using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.CdsHooks.Cards;

/// <summary>
/// The stable <c>source.topic</c> of each card type (CDS Hooks 2.0 §Source: "a topic describes the
/// content of the card ... for analytics"). Codes never change once released; add new ones.
/// </summary>
public static class CardTopics
{
    /// <summary>Code system of ChestXCds card types.</summary>
    public const string System = "urn:chestxcds:card-type";

    /// <summary>A chest radiograph already exists within the look-back of a chest imaging order.</summary>
    public static Coding PriorChestImaging { get; } = new(System, "prior-chest-imaging", "Recent chest radiograph exists");

    /// <summary>patient-view: the latest chest study and its report impression.</summary>
    public static Coding LatestChestStudy { get; } = new(System, "latest-chest-study", "Latest chest radiograph");

    /// <summary>AI analysis of a chest radiograph with its step-by-step reasoning.</summary>
    public static Coding ChestAiAnalysis { get; } = new(System, "chest-ai-analysis", "Chest radiograph AI analysis");

    /// <summary>The AI analysis of the latest chest radiograph is still running.</summary>
    public static Coding ChestAiAnalysisPending { get; } = new(System, "chest-ai-analysis-pending", "Chest radiograph AI analysis in progress");

    /// <summary>The images of the latest chest radiograph could not be analysed (not retrievable from an allowed source).</summary>
    public static Coding ChestAiAnalysisUnavailable { get; } = new(System, "chest-ai-analysis-unavailable", "Chest radiograph AI analysis unavailable");
}
