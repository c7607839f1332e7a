namespace ChestXCds.Reasoning.Scoring;

/// <summary>One reasoning sample to score (RadRBench-CXR record).</summary>
/// <param name="Prediction">The model's output, possibly with &lt;think&gt;/&lt;answer&gt; tags; empty when it gave none.</param>
/// <param name="ReferenceSteps">The reference reasoning, one step per entry.</param>
/// <param name="OriginalReport">The report the reference was mined from; decides factuality.</param>
/// <param name="ItemId">The record's id, echoed in the result.</param>
public sealed record RadRSample(string Prediction, IReadOnlyList<string> ReferenceSteps, string OriginalReport, string? ItemId = null);
