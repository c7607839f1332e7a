using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Labeling;

/// <summary>
/// Turns a report's mentions into one label per column, as the CheXpert labeler aggregates them:
/// 1 when any mention is present, else -1 when any is uncertain, else 0 when mentioned only as
/// absent, else null (not mentioned). "No Finding" is 1 when no abnormality (any lexicon observation of
/// kind Abnormality, not only the labelled ones) is present or uncertain, else null.
/// Mentions in the indication, comparison and technique sections are not findings of this study.
/// </summary>
public sealed class ReportLabeler
{
    private static readonly HashSet<string> IgnoredSections = new(StringComparer.Ordinal) { "indication", "comparison", "technique" };

    private readonly IReportFindingExtractor extractor;

    public ReportLabeler(IReportFindingExtractor extractor) => this.extractor = extractor;

    public int?[] Label(string reportText, LabelSet labelSet) => LabelWithMentions(reportText, labelSet).Values;

    /// <summary>The labels and the mentions behind them (for error analysis and explanations).</summary>
    public ReportLabels LabelWithMentions(string reportText, LabelSet labelSet)
    {
        ArgumentNullException.ThrowIfNull(labelSet);
        var mentions = extractor.ExtractObservations(reportText);
        var counted = new List<ReportFinding>(mentions.Count);
        var byFinding = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var abnormal = false;
        foreach (var mention in mentions)
        {
            if (IgnoredSections.Contains(mention.Section))
            {
                continue;
            }

            counted.Add(mention);
            var value = mention.Assertion switch
            {
                Assertion.Present => 1,
                Assertion.Uncertain => -1,
                _ => 0,
            };
            byFinding[mention.FindingId] = byFinding.TryGetValue(mention.FindingId, out var existing) ? Combine(existing, value) : value;
            abnormal |= RulesOutNoFinding(mention, labelSet);
        }

        var labels = new int?[labelSet.Columns.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var (column, findingId) = labelSet.Columns[i];
            labels[i] = column == LabelSet.NoFindingColumn
                ? (abnormal ? null : 1)
                : byFinding.TryGetValue(findingId, out var v) ? v : null;
        }

        return new ReportLabels(labels, counted);
    }

    /// <summary>Whether a mention rules out "No Finding": an abnormality (or, where the set says so, a device) present or uncertain.</summary>
    public static bool RulesOutNoFinding(ReportFinding mention, LabelSet labelSet)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(labelSet);
        return mention.Assertion != Assertion.Absent
            && ReportFindingExtractor.TryGetConcept(mention.FindingId, out var concept)
            && (concept.Kind == ConceptKind.Abnormality || (labelSet.DevicesBlockNoFinding && concept.Kind == ConceptKind.Device));
    }

    // Present beats uncertain beats absent.
    private static int Combine(int a, int b) => a == 1 || b == 1 ? 1 : a == -1 || b == -1 ? -1 : 0;
}
