using System.Text.RegularExpressions;
using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Verification;

/// <summary>Splits model reasoning into steps: one per sentence of each line, with list and Markdown markup removed.</summary>
public static partial class ReasoningTextParser
{
    public static ParsedReasoning Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var think = Between(text, "<think>", "</think>");
        var answer = Between(text, "<answer>", "</answer>");
        var body = think ?? StripTags().Replace(answer is null ? text : text.Replace(answer, string.Empty, StringComparison.Ordinal), " ");
        return new ParsedReasoning(body.Trim(), answer?.Trim(), SplitSteps(body));
    }

    public static IReadOnlyList<string> SplitSteps(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var steps = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            // "- **Step 1:** text": markup first, then the bullet, then the step number.
            var line = ListMarker().Replace(ListMarker().Replace(Markup().Replace(rawLine, string.Empty), string.Empty), string.Empty).Trim();

            // A line ending in ':' is a heading (often an answer option restated); "Heading: text" keeps the text.
            // Quoted text restates the question, so it asserts nothing.
            line = Quoted().Replace(line, "the option");
            if (line.Length == 0 || line.EndsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Count(c => c == ' ') < 10)
            {
                line = line[(colon + 2)..].Trim();
            }

            foreach (var span in SentenceSplitter.Split(line, new TextSpan(0, line.Length)))
            {
                var sentence = span.Slice(line).Trim();
                if (sentence.Any(char.IsLetter))
                {
                    steps.Add(sentence);
                }
            }
        }

        return steps;
    }

    // The last opening tag: chat transcripts may echo the prompt, which itself names "<think></think>".
    private static string? Between(string text, string open, string close)
    {
        var start = text.LastIndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        start += open.Length;
        var end = text.IndexOf(close, start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? text[start..] : text[start..end];
    }

    // "1.", "2)", "-", "*", "Step 3:" at the start of a line.
    [GeneratedRegex(@"^\s*(?:(?:step\s*)?\d+[.):]|[-*•]|#+)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ListMarker();

    [GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\*\*|__|`")]
    private static partial Regex Markup();

    [GeneratedRegex(@"</?(?:think|answer)>", RegexOptions.IgnoreCase)]
    private static partial Regex StripTags();
}
