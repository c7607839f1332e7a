using System.Text.Json;
using ChestXCds.Reasoning.Scoring;

namespace ChestXCds.Cli.Commands;

/// <summary>Reads RadRBench-style records from .json (an array, or one object) or .jsonl (one object a line).</summary>
internal static class RadrInput
{
    /// <summary>Each record with where it came from ("line 12" or "record 3") for error messages.</summary>
    public static IEnumerable<(JsonElement Record, string Where)> Records(string path)
    {
        using var reader = CommandErrors.OpenText(path);
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var lineNumber = 0;
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                yield return (Parse(line, $"{path}: line {lineNumber}"), $"line {lineNumber}");
            }

            yield break;
        }

        var root = Parse(reader.ReadToEnd(), path);
        if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in root.EnumerateArray())
            {
                yield return (item, $"record {i++}");
            }
        }
        else
        {
            yield return (root, "record 0");
        }
    }

    public static RadRSample Sample(JsonElement record, string where)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new CliInputException($"{where}: a record must be a JSON object.");
        }

        var pred = String(record, "pred", where, required: true) ?? string.Empty;
        var report = String(record, "original_report", where, required: true) ?? string.Empty;
        if (!record.TryGetProperty("reason_steps", out var steps))
        {
            throw new CliInputException($"{where}: missing 'reason_steps'.");
        }

        var itemId = record.TryGetProperty("item_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return new RadRSample(pred, Steps(steps, where), report, itemId);
    }

    // A string, a list of strings, or an object holding them (values in document order).
    private static List<string> Steps(JsonElement value, string where)
    {
        var steps = new List<string>();
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                steps.Add(value.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    steps.AddRange(Steps(item, where));
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    steps.AddRange(Steps(property.Value, where));
                }

                break;
            case JsonValueKind.Null:
                break;
            default:
                throw new CliInputException($"{where}: 'reason_steps' must be a string, a list of strings or an object holding them.");
        }

        return steps;
    }

    private static string? String(JsonElement record, string name, string where, bool required)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new CliInputException($"{where}: missing '{name}'.") : null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new CliInputException($"{where}: '{name}' must be a string.");
    }

    private static JsonElement Parse(string json, string where)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CliInputException($"{where}: invalid JSON ({e.Message})", e);
        }
    }
}
