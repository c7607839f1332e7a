namespace ChestXCds.Reasoning.Scoring;

/// <summary>Per-sample scores in input order and the mean of each component over the samples where it is defined.</summary>
public sealed record RadRScoreSummary(IReadOnlyList<RadRSampleScore> Samples, double? Factuality, double? Completeness, double? Effectiveness, double? RadRScore);
