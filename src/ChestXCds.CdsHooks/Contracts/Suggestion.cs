namespace ChestXCds.CdsHooks.Contracts;

/// <summary>A suggestion on a card (CDS Hooks 2.0 §Suggestion).</summary>
/// <param name="Label">What the user accepts.</param>
/// <param name="Actions">Applied together, like a transaction.</param>
/// <param name="Uuid">Identifies the suggestion in feedback; set by <see cref="Cards.CardRules.Normalize"/> when absent.</param>
/// <param name="IsRecommended">Whether the client should preselect it.</param>
public sealed record Suggestion(string Label, IReadOnlyList<CdsAction>? Actions = null, string? Uuid = null, bool? IsRecommended = null);
