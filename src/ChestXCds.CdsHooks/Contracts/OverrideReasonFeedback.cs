namespace ChestXCds.CdsHooks.Contracts;

/// <summary>Why the user overrode a card.</summary>
public sealed class OverrideReasonFeedback
{
    /// <summary>One of the card's <see cref="Card.OverrideReasons"/>.</summary>
    public Coding? Reason { get; set; }

    /// <summary>Free text from the user. May hold anything a clinician types, so it is never stored or logged.</summary>
    public string? UserComment { get; set; }
}
