using System.Text.Json;

namespace ChestXCds.EndToEnd.Tests.Infrastructure;

/// <summary>What the service answered, and how long it took (reported, never asserted).</summary>
public sealed record ServiceAnswer(int Status, string Body, TimeSpan Elapsed)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public IReadOnlyList<JsonElement> Cards =>
        Json.TryGetProperty("cards", out var cards) ? cards.EnumerateArray().ToList() : [];

    /// <summary>The source.topic codes of the cards, in order.</summary>
    public IReadOnlyList<string> Topics =>
        Cards.Select(c => c.GetProperty("source").GetProperty("topic").GetProperty("code").GetString()!).ToList();

    public JsonElement Card(string topic) => Cards.Single(c => c.GetProperty("source").GetProperty("topic").GetProperty("code").GetString() == topic);
}
