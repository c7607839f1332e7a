namespace ChestXCds.CdsHooks.Contracts;

/// <summary>A suggestion the user accepted, by its <see cref="Suggestion.Uuid"/>.</summary>
public sealed class AcceptedSuggestion
{
    public string? Id { get; set; }
}
