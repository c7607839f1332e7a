namespace ChestXCds.Reasoning.Scoring;

/// <summary>Per-sample scores in input order and the mean of each component over the samples where it is defined.</summary>
public sealed record RadRScoreSummary(IReadOnlyList<RadRSampleScore> Samples, double? Factuality, double? Completeness, double? Effectiveness, double? RadRScore)
{
    /// <summary>The summary of <paramref name="scores"/>: each mean skips the samples where that component is undefined (null when none is defined).</summary>
    public static RadRScoreSummary Of(IReadOnlyList<RadRSampleScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return new RadRScoreSummary(
            scores,
            Mean(scores.Select(s => s.Factuality)),
            Mean(scores.Select(s => s.Completeness)),
            Mean(scores.Select(s => s.Effectiveness)),
            Mean(scores.Select(s => s.RadRScore)));
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
