using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx evaluate-radrscore --input openi-dev.jsonl`: per-sample agreement of the deterministic RadRScore
/// with the paper's GPT-4o judge (judge.scores): Pearson r, mean absolute difference and both means, per component.
/// </summary>
internal static class EvaluateRadrScoreCommand
{
    private static readonly string[] Components = ["completeness", "factuality", "effectiveness"];

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "RadRBench records with judge.scores (.json or .jsonl).", Required = true };
        var command = new Command("evaluate-radrscore", "Compare the deterministic RadRScore with the judge's scores, sample by sample.");
        command.Options.Add(input);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.RunAsync(error, () => Task.FromResult(Evaluate(parseResult.GetValue(input)!, output, error, cancellationToken)));
        });
        return command;
    }

    private static int Evaluate(string inputPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var judge = RadrInput.Records(inputPath).Select(r => JudgeScores(r.Record)).ToList();
        var ours = RadrScoreCommand.Score(inputPath, error, cancellationToken).Samples;
        output.WriteLine("| component | samples | Pearson r | mean abs diff | mean (ours) | mean (judge) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var component in Components)
        {
            var pairs = new List<(double Ours, double Judge)>();
            for (var i = 0; i < ours.Count; i++)
            {
                var mine = component switch
                {
                    "completeness" => ours[i].Completeness,
                    "factuality" => ours[i].Factuality,
                    _ => ours[i].Effectiveness,
                };
                if (mine is { } m && judge[i]?.GetValueOrDefault(component) is { } j)
                {
                    pairs.Add((m, j));
                }
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {component} | {pairs.Count} | {Pearson(pairs):0.000} | {(pairs.Count == 0 ? double.NaN : pairs.Average(p => Math.Abs(p.Ours - p.Judge))):0.000} | {(pairs.Count == 0 ? double.NaN : pairs.Average(p => p.Ours)):0.000} | {(pairs.Count == 0 ? double.NaN : pairs.Average(p => p.Judge)):0.000} |"));
        }

        output.WriteLine($"{ours.Count} records; a sample counts where both the judge and this scorer define the component.");
        return 0;
    }

    private static Dictionary<string, double>? JudgeScores(JsonElement record)
    {
        if (!record.TryGetProperty("judge", out var judge) || judge.ValueKind != JsonValueKind.Object
            || !judge.TryGetProperty("scores", out var scores) || scores.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var component in Components)
        {
            if (scores.TryGetProperty(component, out var v) && v.ValueKind == JsonValueKind.Number)
            {
                values[component] = v.GetDouble();
            }
        }

        return values;
    }

    private static double Pearson(List<(double X, double Y)> pairs)
    {
        if (pairs.Count < 2)
        {
            return double.NaN;
        }

        var mx = pairs.Average(p => p.X);
        var my = pairs.Average(p => p.Y);
        var cov = pairs.Sum(p => (p.X - mx) * (p.Y - my));
        var vx = pairs.Sum(p => (p.X - mx) * (p.X - mx));
        var vy = pairs.Sum(p => (p.Y - my) * (p.Y - my));
        return vx == 0 || vy == 0 ? double.NaN : cov / Math.Sqrt(vx * vy);
    }
}
