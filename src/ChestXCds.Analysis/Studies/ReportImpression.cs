using System.Text.RegularExpressions;
using ChestXCds.Domain.Records;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Analysis.Studies;

/// <summary>
/// The impression of a radiology report: its conclusion, else the impression section of its text as
/// <see cref="ReportSectioner"/> (the one report-section parser) finds it.
/// </summary>
public static partial class ReportImpression
{
    /// <summary>Longest impression carried into a card, in characters.</summary>
    public const int MaxLength = 1000;

    public static string? Of(ReportRecord report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Conclusion is { } conclusion)
        {
            return Clip(conclusion);
        }

        return report.PresentedText is { } text ? FromText(text) : null;
    }

    /// <summary>The body of the last impression section (an addendum or later impression supersedes), or null.</summary>
    public static string? FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var section = ReportSectioner.Split(text).LastOrDefault(s => s.Name == "impression" && !string.IsNullOrWhiteSpace(s.Body.Slice(text)));
        return section is null ? null : Clip(section.Body.Slice(text));
    }

    private static string Clip(string text)
    {
        var collapsed = Whitespace().Replace(text.Trim(), " ");
        return collapsed.Length <= MaxLength ? collapsed : string.Concat(collapsed.AsSpan(0, MaxLength - 1), "…");
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
