using System.CommandLine;
using System.Globalization;
using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Labeling;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx evaluate-labels --input indiana-dev.csv --text-columns findings,impression --labels nih14 --gold "No Finding=normal"`:
/// mines every report and prints per-label precision, recall, F1 and the micro/macro F1 against the
/// gold columns (same names as the labels unless mapped; 1 is positive) as a Markdown table. With
/// `--errors errors.md` it also lists, per label, the false positive and false negative reports (id from
/// `--id-column`, default the first column) with the sentences behind each prediction.
/// </summary>
internal static class EvaluateLabelsCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV of reports with gold label columns.", Required = true };
        var textColumns = new Option<string>("--text-columns") { Description = "Comma-separated report text columns.", Required = true };
        var labels = new Option<string>("--labels") { Description = "Label set: nih14 or chexpert.", DefaultValueFactory = _ => "nih14" };
        labels.AcceptOnlyFromAmong([.. LabelSet.All.Select(s => s.Name)]);
        var gold = new Option<string[]>("--gold") { Description = "Gold column for a label when named differently, as 'Label=column' (repeatable).", AllowMultipleArgumentsPerToken = true };
        var uncertain = new Option<string>("--uncertain") { Description = "Count uncertain (-1) predictions as negative or positive.", DefaultValueFactory = _ => "negative" };
        uncertain.AcceptOnlyFromAmong("negative", "positive");
        var errors = new Option<string?>("--errors") { Description = "Markdown file to write: per label, the false positive and false negative report ids with the sentences behind each prediction." };
        var idColumn = new Option<string?>("--id-column") { Description = "Column naming each report in --errors (default: the first column)." };

        var command = new Command("evaluate-labels", "Compare mined labels with gold labels: per-label P/R/F1, micro and macro F1.");
        command.Options.Add(input);
        command.Options.Add(textColumns);
        command.Options.Add(labels);
        command.Options.Add(gold);
        command.Options.Add(uncertain);
        command.Options.Add(errors);
        command.Options.Add(idColumn);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var output = parseResult.InvocationConfiguration.Output;
            return CommandErrors.RunAsync(error, () => Task.FromResult(Evaluate(
                parseResult.GetValue(input)!,
                parseResult.GetValue(textColumns)!,
                parseResult.GetValue(labels)!,
                parseResult.GetValue(gold) ?? [],
                parseResult.GetValue(uncertain) == "positive",
                parseResult.GetValue(errors),
                parseResult.GetValue(idColumn),
                output,
                error,
                cancellationToken)));
        });
        return command;
    }

    private static int Evaluate(string inputPath, string textColumns, string labelSetName, string[] goldMap, bool uncertainAsPositive, string? errorsPath, string? idColumnName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        LabelSet.TryGet(labelSetName, out var labelSet);
        var mapped = goldMap.Select(m => m.Split('=', 2)).ToDictionary(
            p => p.Length == 2 ? p[0].Trim() : throw new CliInputException($"--gold '{string.Join('=', p)}' is not 'Label=column'."),
            p => p[1].Trim(),
            StringComparer.OrdinalIgnoreCase);
        using var reader = CommandErrors.OpenText(inputPath);
        using var table = ReportTable.Open(reader, inputPath);
        var texts = MineCommand.ParseColumns(textColumns).Select(c => (c, table.Column(c))).ToList();
        var goldColumns = labelSet.Columns.Select(c => table.Column(mapped.GetValueOrDefault(c.Column, c.Column))).ToArray();
        var idColumn = idColumnName is null ? 0 : table.Column(idColumnName);
        if (errorsPath is not null && Path.GetDirectoryName(Path.GetFullPath(errorsPath)) is { } folder && !Directory.Exists(folder))
        {
            // Said before the evaluation runs, so a long run is not lost to a mistyped path.
            throw new CliInputException($"--errors: the folder '{folder}' does not exist.");
        }

        var listing = errorsPath is null ? null : new LabelErrorListing(labelSet, uncertainAsPositive);

        var labeler = new ReportLabeler(new ReportFindingExtractor());
        var evaluation = new LabelEvaluation { UncertainAsPositive = uncertainAsPositive };
        var progress = new ProgressReporter(error, "reports");
        var count = 0;
        while (table.Next() is { } row)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predicted = labeler.LabelWithMentions(ReportTable.ReportText(row, texts), labelSet);
            var gold = goldColumns.Select(c => IsPositive(row[c])).ToArray();
            for (var i = 0; i < gold.Length; i++)
            {
                evaluation.Add(labelSet.Columns[i].Column, predicted.Values[i], gold[i]);
            }

            listing?.Add(row[idColumn], predicted, gold);

            progress.Tick(++count);
        }

        progress.Done(count);
        output.WriteLine("| label | gold positives | precision | recall | F1 |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var m in evaluation.PerLabel())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {m.Label} | {m.Support} | {m.Precision:0.000} | {m.Recall:0.000} | {m.F1:0.000} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **micro** (all labels) | | | | {evaluation.MicroF1():0.000} |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| **macro** (labels with gold positives) | | | | {evaluation.MacroF1():0.000} |"));
        output.WriteLine($"{count} reports; uncertain counted as {(uncertainAsPositive ? "positive" : "negative")}.");
        if (listing is not null)
        {
            using var writer = new StreamWriter(errorsPath!);
            listing.Write(writer);
            output.WriteLine($"Errors written to {errorsPath}.");
        }

        return 0;
    }

    private static bool IsPositive(string gold) =>
        double.TryParse(gold, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v == 1;
}
