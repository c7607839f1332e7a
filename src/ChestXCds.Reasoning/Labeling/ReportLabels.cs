using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Labeling;

/// <summary>One report's labels and the mentions they were aggregated from.</summary>
/// <param name="Values">One value per column of the label set (1, 0, -1 or null), in column order.</param>
/// <param name="Mentions">The mentions that count towards labels (indication, comparison and technique left out),
/// for explaining a label: the sentence that made it positive, or the one that negated it.</param>
public sealed record ReportLabels(int?[] Values, IReadOnlyList<ReportFinding> Mentions);
