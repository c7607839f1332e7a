using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>The verified analysis of one hook's inputs and the resources its suggestion creates, serialised once.</summary>
public sealed record PreparedSuggestion(StudyAnalysis Analysis, IReadOnlyList<ActionResource> Resources);
