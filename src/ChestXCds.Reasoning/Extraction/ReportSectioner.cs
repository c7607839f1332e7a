using System.Text.RegularExpressions;
using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>
/// Splits a report at section titles ("FINDINGS:", "Impression:"), in the spirit of NegBio's
/// section_titles list. Text before the first title is section "other".
/// </summary>
public static partial class ReportSectioner
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indication"] = "indication",
        ["indications"] = "indication",
        ["history"] = "indication",
        ["clinical history"] = "indication",
        ["patient history"] = "indication",
        ["medical condition"] = "indication",
        ["reason for exam"] = "indication",
        ["reason for examination"] = "indication",
        ["reason for this examination"] = "indication",
        ["reason for study"] = "indication",
        ["clinical information"] = "indication",
        ["clinical indication"] = "indication",
        ["comparison"] = "comparison",
        ["comparisons"] = "comparison",
        ["comparison exam"] = "comparison",
        ["comparison film"] = "comparison",
        ["reference exam"] = "comparison",
        ["technique"] = "technique",
        ["examination"] = "technique",
        ["exam"] = "technique",
        ["findings"] = "findings",
        ["finding"] = "findings",
        ["report"] = "findings",
        ["findings and impression"] = "impression",
        ["impression"] = "impression",
        ["impressions"] = "impression",
        ["conclusion"] = "impression",
        ["conclusions"] = "impression",
        ["summary"] = "impression",
        ["addendum"] = "impression",
        ["recommendation"] = "other",
        ["recommendations"] = "other",
        ["notification"] = "other",
    };

    public static IReadOnlyList<ReportSection> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var headers = new List<(int Start, int BodyStart, string Name)>();
        foreach (Match m in TitleCandidate().Matches(text))
        {
            var words = m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var take = Math.Min(4, words.Length); take >= 1; take--)
            {
                var candidate = string.Join(' ', words[^take..]);
                if (Titles.TryGetValue(candidate, out var name))
                {
                    var titleStart = m.Index + m.Length - 1 - LengthFromEnd(m.Groups[1].Value, candidate);
                    headers.Add((titleStart, m.Index + m.Length, name));
                    break;
                }
            }
        }

        var sections = new List<ReportSection>();
        var firstStart = headers.Count > 0 ? headers[0].Start : text.Length;
        if (firstStart > 0)
        {
            sections.Add(new ReportSection("other", new TextSpan(0, firstStart)));
        }

        for (var i = 0; i < headers.Count; i++)
        {
            var end = i + 1 < headers.Count ? headers[i + 1].Start : text.Length;
            sections.Add(new ReportSection(headers[i].Name, new TextSpan(headers[i].BodyStart, Math.Max(0, end - headers[i].BodyStart))));
        }

        return sections;
    }

    // The title's length from the end of the captured words (group 1 ends right before ':').
    private static int LengthFromEnd(string captured, string title)
    {
        var trimmed = captured.TrimEnd();
        return (captured.Length - trimmed.Length) + title.Length;
    }

    // Up to 40 letters/spaces right before a colon; titles are matched on the trailing 1..4 words.
    [GeneratedRegex(@"([A-Za-z][A-Za-z ]{0,40}):")]
    private static partial Regex TitleCandidate();
}
