using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>Urgency of a card (CDS Hooks 2.0 §Card Attributes, indicator).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    [JsonStringEnumMemberName("info")]
    Info,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("critical")]
    Critical,
}
