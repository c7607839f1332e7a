using System.Text;
using System.Text.Json;

namespace ChestXCds.LoadTest;

/// <summary>What the service answered to one hook.</summary>
public sealed record HookAnswer(int Status, byte[] Body, string ContentType, TimeSpan Elapsed)
{
    /// <summary>200 with a card whose source.topic.code is chest-ai-analysis.</summary>
    public bool HasAiCard
    {
        get
        {
            if (Status != 200)
            {
                return false;
            }

            using var json = JsonDocument.Parse(Body);
            return json.RootElement.TryGetProperty("cards", out var cards)
                && cards.EnumerateArray().Any(c => c.TryGetProperty("source", out var s) && s.TryGetProperty("topic", out var t)
                    && t.TryGetProperty("code", out var code) && code.GetString() == "chest-ai-analysis");
        }
    }

    /// <summary>The source.topic.code of each card, in order ("-" for a card without one); empty unless 200 with JSON cards.</summary>
    public IReadOnlyList<string> CardTopics
    {
        get
        {
            if (Status != 200)
            {
                return [];
            }

            using var json = JsonDocument.Parse(Body);
            return json.RootElement.TryGetProperty("cards", out var cards)
                ? cards.EnumerateArray().Select(c => c.TryGetProperty("source", out var s) && s.TryGetProperty("topic", out var t)
                    && t.TryGetProperty("code", out var code) ? code.GetString() ?? "-" : "-").ToList()
                : [];
        }
    }

    public string Describe() => $"{Status} {Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 400))}";
}
