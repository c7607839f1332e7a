namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The values of <see cref="FeedbackEntry.Outcome"/>.</summary>
public static class FeedbackOutcomes
{
    public const string Accepted = "accepted";
    public const string Overridden = "overridden";
}
