namespace ChestXCds.Api.Feedback;

/// <summary>One stored outcome. No patient identifiers and no free text: the user's comment is not kept, only whether there was one.</summary>
/// <param name="ServiceId">The CDS service the card came from.</param>
/// <param name="CardUuid">The card's uuid.</param>
/// <param name="Outcome">accepted or overridden.</param>
/// <param name="AcceptedSuggestions">uuids of the accepted suggestions.</param>
/// <param name="OverrideReasons">system|code of each override reason given.</param>
/// <param name="HadUserComment">Whether the user typed a comment.</param>
/// <param name="OutcomeTimestamp">When the user acted.</param>
/// <param name="ReceivedAt">When the service received it.</param>
/// <param name="ClientIssuer">The CDS client (JWT iss) that sent it.</param>
public sealed record FeedbackRecord(
    string ServiceId,
    string CardUuid,
    string Outcome,
    IReadOnlyList<string> AcceptedSuggestions,
    IReadOnlyList<string> OverrideReasons,
    bool HadUserComment,
    DateTimeOffset OutcomeTimestamp,
    DateTimeOffset ReceivedAt,
    string? ClientIssuer);
