using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Labeling;

/// <summary>A set of label columns a report is labelled with, each mapped to a finding id.</summary>
/// <param name="Name">nih14 or chexpert.</param>
/// <param name="Columns">Output column name and the catalog id it reports, in output order.</param>
/// <param name="DevicesBlockNoFinding">Whether a device or hardware mention rules out "No Finding". CheXpert's
/// labeler leaves No Finding positive with support devices; Open-i/ChestX-ray14 "normal" means nothing was indexed.</param>
public sealed record LabelSet(string Name, IReadOnlyList<(string Column, string FindingId)> Columns, bool DevicesBlockNoFinding)
{
    public const string NoFindingColumn = "No Finding";

    /// <summary>The 14 ChestX-ray14 findings (NIH spelling as column names) and "No Finding".</summary>
    public static LabelSet Nih14 { get; } = new(
        "nih14",
        [.. FindingCatalog.Nih14.Select(id => (id, id)), (NoFindingColumn, "No_Finding")],
        DevicesBlockNoFinding: true);

    /// <summary>The CheXpert labeler's 14 observations, in its column order.</summary>
    public static LabelSet CheXpert { get; } = new("chexpert", FindingCatalog.CheXpert14, DevicesBlockNoFinding: false);

    public static IReadOnlyList<LabelSet> All { get; } = [Nih14, CheXpert];

    public static bool TryGet(string name, out LabelSet labelSet)
    {
        labelSet = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return labelSet is not null;
    }
}
