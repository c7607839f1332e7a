using System.Text;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Studies;

/// <summary>The impression of a radiology report: DiagnosticReport.conclusion, else the IMPRESSION (or CONCLUSION) section of its text/plain presentedForm.</summary>
public static partial class ReportImpression
{
    /// <summary>Longest impression carried into a card, in characters.</summary>
    public const int MaxLength = 1000;

    public static string? Of(DiagnosticReport report)
    {
        if (!string.IsNullOrWhiteSpace(report.Conclusion))
        {
            return Clip(report.Conclusion);
        }

        foreach (var form in report.PresentedForm)
        {
            if (form.Data is not { Length: > 0 } data || (form.ContentType is { } type && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var section = FromText(Encoding.UTF8.GetString(data));
            if (section is not null)
            {
                return section;
            }
        }

        return null;
    }

    /// <summary>The text after an IMPRESSION: or CONCLUSION: heading, up to the next all-caps heading.</summary>
    public static string? FromText(string text)
    {
        var match = ImpressionSection().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var body = match.Groups["body"].Value.Trim();
        return body.Length == 0 ? null : Clip(body);
    }

    private static string Clip(string text)
    {
        var collapsed = Whitespace().Replace(text.Trim(), " ");
        return collapsed.Length <= MaxLength ? collapsed : string.Concat(collapsed.AsSpan(0, MaxLength - 1), "…");
    }

    [GeneratedRegex(@"(?:^|\n)\s*(?i:IMPRESSION|CONCLUSION)(?i:S)?\s*:\s*(?<body>.*?)(?=\n\s*[A-Z][A-Z /]{2,}:|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ImpressionSection();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
