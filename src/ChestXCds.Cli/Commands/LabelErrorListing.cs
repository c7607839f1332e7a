using ChestXCds.Domain;
using ChestXCds.Reasoning.Labeling;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// The false positives and false negatives of a label evaluation, per label, each with the report id and the
/// sentences behind the prediction: for a false positive the sentences asserting the finding (for "No Finding",
/// none: nothing abnormal was found), for a false negative the sentences that negated or hedged it, the
/// abnormal mentions that ruled out "No Finding", or "not mentioned". Written as Markdown.
/// </summary>
internal sealed class LabelErrorListing
{
    private readonly LabelSet labelSet;
    private readonly bool uncertainAsPositive;
    private readonly List<(string Id, string Evidence)>[] falsePositives;
    private readonly List<(string Id, string Evidence)>[] falseNegatives;

    public LabelErrorListing(LabelSet labelSet, bool uncertainAsPositive)
    {
        this.labelSet = labelSet;
        this.uncertainAsPositive = uncertainAsPositive;
        falsePositives = labelSet.Columns.Select(_ => new List<(string, string)>()).ToArray();
        falseNegatives = labelSet.Columns.Select(_ => new List<(string, string)>()).ToArray();
    }

    public void Add(string id, ReportLabels labels, IReadOnlyList<bool> gold)
    {
        for (var i = 0; i < labelSet.Columns.Count; i++)
        {
            var value = labels.Values[i];
            var predicted = value == 1 || (uncertainAsPositive && value == -1);
            if (predicted == gold[i])
            {
                continue;
            }

            var (column, findingId) = labelSet.Columns[i];
            var evidence = column == LabelSet.NoFindingColumn
                ? Quote(labels.Mentions.Where(m => ReportLabeler.RulesOutNoFinding(m, labelSet)))
                : Quote(labels.Mentions.Where(m => string.Equals(m.FindingId, findingId, StringComparison.OrdinalIgnoreCase)));
            (predicted ? falsePositives : falseNegatives)[i].Add((id, evidence.Length > 0 ? evidence : "(not mentioned)"));
        }
    }

    public void Write(TextWriter writer)
    {
        writer.WriteLine($"# Label errors ({labelSet.Name}; uncertain counted as {(uncertainAsPositive ? "positive" : "negative")})");
        for (var i = 0; i < labelSet.Columns.Count; i++)
        {
            writer.WriteLine();
            writer.WriteLine($"## {labelSet.Columns[i].Column}");
            WriteList(writer, "false positives", falsePositives[i]);
            WriteList(writer, "false negatives", falseNegatives[i]);
        }
    }

    private static void WriteList(TextWriter writer, string title, List<(string Id, string Evidence)> rows)
    {
        writer.WriteLine();
        writer.WriteLine($"### {title} ({rows.Count})");
        foreach (var (id, evidence) in rows)
        {
            writer.WriteLine($"- {id}: {evidence}");
        }
    }

    // "[present] sentence" per mention, each sentence once, on one line.
    private static string Quote(IEnumerable<ReportFinding> mentions) =>
        string.Join(" | ", mentions
            .Select(m => $"[{m.Assertion.ToString().ToLowerInvariant()} {m.FindingId}] {m.Sentence.ReplaceLineEndings(" ")}")
            .Distinct(StringComparer.Ordinal));
}
