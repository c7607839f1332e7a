using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>
/// Splits a section body into sentences at '.', '?', '!' followed by white space (not decimals such as
/// 16.2), and at line breaks; list markers such as "1." are not sentences.
/// </summary>
public static class SentenceSplitter
{
    public static IReadOnlyList<TextSpan> Split(string text, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = range.Start;
        var end = range.End;
        for (var i = range.Start; i < end; i++)
        {
            var c = text[i];
            var boundary = c == '\n'
                || (c is '.' or '?' or '!' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == '"'));
            if (boundary)
            {
                Add(text, start, c == '\n' ? i : i + 1, spans);
                start = i + 1;
            }
        }

        Add(text, start, end, spans);
        return spans;
    }

    private static void Add(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end <= start || IsListMarker(text, start, end))
        {
            return;
        }

        spans.Add(new TextSpan(start, end - start));
    }

    // "1." or "2)" alone: numbering, not a sentence.
    private static bool IsListMarker(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsDigit(text[i]) && text[i] is not '.' and not ')')
            {
                return false;
            }
        }

        return true;
    }
}
