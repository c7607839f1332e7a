namespace ChestXCds.Reasoning.Scoring;

/// <summary>RadRScore of one sample; a component is null when undefined (no reference findings, no predicted findings or steps).</summary>
/// <param name="Index">0-based position of the sample in the input.</param>
/// <param name="ItemId">The sample's item id, when it had one.</param>
/// <param name="Factuality">Share of predicted key findings consistent with the original report.</param>
/// <param name="Completeness">Share of reference key findings the prediction recalls.</param>
/// <param name="Effectiveness">Share of predicted steps supported by the reference reasoning.</param>
/// <param name="RadRScore">Mean of the defined components.</param>
public sealed record RadRSampleScore(int Index, string? ItemId, double? Factuality, double? Completeness, double? Effectiveness, double? RadRScore);
