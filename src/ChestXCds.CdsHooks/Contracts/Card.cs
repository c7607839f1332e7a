namespace ChestXCds.CdsHooks.Contracts;

/// <summary>A CDS Hooks card (CDS Hooks 2.0 §Card Attributes). Pass cards through <see cref="Cards.CardRules"/> before answering.</summary>
public sealed record Card
{
    /// <summary>Identifies the card in feedback; always set in responses.</summary>
    public string? Uuid { get; init; }

    /// <summary>One sentence, under 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>GitHub-flavoured markdown.</summary>
    public string? Detail { get; init; }

    public required CardIndicator Indicator { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    /// <summary>Required whenever there are suggestions.</summary>
    public SelectionBehavior? SelectionBehavior { get; init; }

    /// <summary>Reasons offered when the user overrides the card; each with a display.</summary>
    public IReadOnlyList<Coding>? OverrideReasons { get; init; }

    public IReadOnlyList<CardLink>? Links { get; init; }
}
