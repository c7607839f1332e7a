using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The body of <c>POST /cds-services/{id}/feedback</c> (CDS Hooks 2.0 §Feedback). Batches and repeats are allowed.</summary>
public sealed class FeedbackRequest
{
    public IReadOnlyList<FeedbackEntry>? Feedback { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
