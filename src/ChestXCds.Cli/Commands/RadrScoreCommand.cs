using System.CommandLine;
using System.Text.Json;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Scoring;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx radrscore --input samples.jsonl --output scores.json`: deterministic RadRScore per record
/// (pred, reason_steps, original_report, optional item_id) and the means.
/// </summary>
internal static class RadrScoreCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Records as .json (array) or .jsonl (one object a line).", Required = true };
        var output = new Option<string>("--output") { Description = "JSON file to write: {samples: [...], mean: {...}}.", Required = true };
        var command = new Command("radrscore", "Score reasoning with a deterministic RadRScore (completeness, factuality, effectiveness).");
        command.Options.Add(input);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            return CommandErrors.RunAsync(error, () => ScoreAsync(parseResult.GetValue(input)!, parseResult.GetValue(output)!, error, cancellationToken));
        });
        return command;
    }

    private static async Task<int> ScoreAsync(string inputPath, string outputPath, TextWriter error, CancellationToken cancellationToken)
    {
        var summary = Score(inputPath, error, cancellationToken);
        await using var stream = File.Create(outputPath);
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("samples");
        foreach (var s in summary.Samples)
        {
            json.WriteStartObject();
            json.WriteNumber("index", s.Index);
            WriteString(json, "item_id", s.ItemId);
            WriteNumber(json, "factuality", s.Factuality);
            WriteNumber(json, "completeness", s.Completeness);
            WriteNumber(json, "effectiveness", s.Effectiveness);
            WriteNumber(json, "radrscore", s.RadRScore);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("mean");
        WriteNumber(json, "factuality", summary.Factuality);
        WriteNumber(json, "completeness", summary.Completeness);
        WriteNumber(json, "effectiveness", summary.Effectiveness);
        WriteNumber(json, "radrscore", summary.RadRScore);
        json.WriteEndObject();
        json.WriteEndObject();
        return 0;
    }

    internal static RadRScoreSummary Score(string inputPath, TextWriter error, CancellationToken cancellationToken)
    {
        var scorer = new RadRScorer(new ReportFindingExtractor());
        var progress = new ProgressReporter(error, "samples");
        var samples = new List<RadRSample>();
        foreach (var (record, where) in RadrInput.Records(inputPath))
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(RadrInput.Sample(record, $"{inputPath}: {where}"));
        }

        var scores = new List<RadRSampleScore>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            scores.Add(scorer.Score(samples[i], i));
            progress.Tick(i + 1);
        }

        progress.Done(samples.Count);
        return RadRScoreSummary.Of(scores);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
