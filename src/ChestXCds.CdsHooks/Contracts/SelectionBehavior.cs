using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>How many suggestions of a card the user may accept (CDS Hooks 2.0 §Card Attributes).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SelectionBehavior>))]
public enum SelectionBehavior
{
    /// <summary>Any number; the one value Epic accepts.</summary>
    [JsonStringEnumMemberName("any")]
    Any,

    [JsonStringEnumMemberName("at-most-one")]
    AtMostOne,
}
