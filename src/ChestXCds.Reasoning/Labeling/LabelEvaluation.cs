namespace ChestXCds.Reasoning.Labeling;

/// <summary>
/// Scores predicted labels against binary gold labels (1 positive, anything else negative). A prediction
/// counts as positive when it is 1, or -1 when <see cref="UncertainAsPositive"/> (ChestX-ray14 practice:
/// hedged findings were kept as positive labels).
/// </summary>
public sealed class LabelEvaluation
{
    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public bool UncertainAsPositive { get; init; } = true;

    public void Add(string label, int? predicted, bool gold)
    {
        if (!counts.TryGetValue(label, out var c))
        {
            c = new int[4];
            counts[label] = c;
            order.Add(label);
        }

        var positive = predicted == 1 || (UncertainAsPositive && predicted == -1);
        if (positive && gold)
        {
            c[0]++;
        }
        else if (positive)
        {
            c[1]++;
        }
        else if (gold)
        {
            c[2]++;
        }

        if (gold)
        {
            c[3]++;
        }
    }

    public IReadOnlyList<LabelMetrics> PerLabel() =>
        order.Select(l => new LabelMetrics(l, counts[l][0], counts[l][1], counts[l][2], counts[l][3])).ToList();

    /// <summary>F1 over the pooled counts of every label (false positives of a label with no gold positives count too).</summary>
    public double MicroF1()
    {
        var rows = PerLabel();
        var pooled = new LabelMetrics("micro", rows.Sum(r => r.TruePositives), rows.Sum(r => r.FalsePositives), rows.Sum(r => r.FalseNegatives), rows.Sum(r => r.Support));
        return pooled.F1;
    }

    /// <summary>Mean F1 of labels that have gold positives (a label with none has no defined recall).</summary>
    public double MacroF1()
    {
        var rows = PerLabel().Where(r => r.Support > 0).ToList();
        return rows.Count == 0 ? 0 : rows.Average(r => r.F1);
    }
}
