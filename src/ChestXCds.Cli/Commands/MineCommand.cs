using System.CommandLine;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Labeling;
using nietras.SeparatedValues;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx mine --input reports.csv --id-column uid --text-columns findings,impression --labels nih14 --output labels.csv`:
/// one row per report, one column per label (1 present, 0 absent, -1 uncertain, empty when not mentioned).
/// </summary>
internal static class MineCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV of reports (with a header row).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column copied to the output as the row id.", Required = true };
        var textColumns = new Option<string>("--text-columns") { Description = "Comma-separated columns holding the report text, e.g. findings,impression.", Required = true };
        var labels = new Option<string>("--labels") { Description = "Label set: nih14 (14 ChestX-ray14 findings + No Finding) or chexpert.", DefaultValueFactory = _ => "nih14" };
        labels.AcceptOnlyFromAmong([.. LabelSet.All.Select(s => s.Name)]);
        var output = new Option<string>("--output") { Description = "CSV to write.", Required = true };

        var command = new Command("mine", "Label radiology reports with findings mined from their text.");
        command.Options.Add(input);
        command.Options.Add(idColumn);
        command.Options.Add(textColumns);
        command.Options.Add(labels);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            return CommandErrors.RunAsync(error, () => MineAsync(
                parseResult.GetValue(input)!,
                parseResult.GetValue(idColumn)!,
                parseResult.GetValue(textColumns)!,
                parseResult.GetValue(labels)!,
                parseResult.GetValue(output)!,
                error,
                cancellationToken));
        });
        return command;
    }

    private static async Task<int> MineAsync(string inputPath, string idColumn, string textColumns, string labelSetName, string outputPath, TextWriter error, CancellationToken cancellationToken)
    {
        LabelSet.TryGet(labelSetName, out var labelSet);
        using var reader = CommandErrors.OpenText(inputPath);
        using var table = ReportTable.Open(reader, inputPath);
        var id = table.Column(idColumn);
        var texts = ParseColumns(textColumns).Select(c => (c, table.Column(c))).ToList();

        var labeler = new ReportLabeler(new ReportFindingExtractor());
        var progress = new ProgressReporter(error, "reports");
        await using var csv = Sep.Writer(o => o with { Sep = new Sep(','), Escape = true }).ToFile(outputPath);
        csv.Header.Add([idColumn, .. labelSet.Columns.Select(c => c.Column)]);
        csv.Header.Write();
        var count = 0;
        while (table.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = labeler.Label(ReportTable.ReportText(row, texts), labelSet);
            using (var record = csv.NewRow())
            {
                record[0].Set(row[id]);
                for (var i = 0; i < values.Length; i++)
                {
                    record[i + 1].Set(values[i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            progress.Tick(++count);
        }

        progress.Done(count);
        return 0;
    }

    internal static List<string> ParseColumns(string value)
    {
        var columns = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return columns.Count > 0 ? columns : throw new CliInputException("--text-columns names no column.");
    }
}
