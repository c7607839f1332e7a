using ChestXCds.Analysis.Studies;
using ChestXCds.Domain;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Analysis.Cards;

/// <summary>Everything the AI card is written from.</summary>
/// <param name="Analysis">The verified analysis.</param>
/// <param name="Study">The analysed study.</param>
/// <param name="Resources">The FHIR resources the "Record AI findings" suggestion creates, in create order.</param>
/// <param name="DuplicateOf">The recent study a chest imaging order would repeat; null when there is none.</param>
/// <param name="Options">Severity thresholds and the viewer URL.</param>
/// <param name="Now">When the hook is evaluated.</param>
public sealed record AiCardInput(
    StudyAnalysis Analysis,
    ChestStudy Study,
    IReadOnlyList<ActionResource> Resources,
    ChestStudy? DuplicateOf,
    AiAnalysisOptions Options,
    DateTimeOffset Now);
