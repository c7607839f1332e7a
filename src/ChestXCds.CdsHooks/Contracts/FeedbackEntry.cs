using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>One outcome of one card.</summary>
public sealed class FeedbackEntry
{
    /// <summary>The <see cref="Card.Uuid"/> the outcome is about.</summary>
    public string? Card { get; set; }

    /// <summary><c>accepted</c> or <c>overridden</c>.</summary>
    public string? Outcome { get; set; }

    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; set; }

    /// <summary>CDS Hooks 2.0 spelling.</summary>
    public OverrideReasonFeedback? OverrideReason { get; set; }

    /// <summary>Epic's spelling: a list of override reasons.</summary>
    public IReadOnlyList<OverrideReasonFeedback>? OverrideReasons { get; set; }

    /// <summary>When the user acted (ISO 8601).</summary>
    public DateTimeOffset? OutcomeTimestamp { get; set; }

    /// <summary>Vendor extensions, tolerated.</summary>
    public JsonElement? Extension { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
