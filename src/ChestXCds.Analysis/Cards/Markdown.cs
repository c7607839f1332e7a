using System.Text;

namespace ChestXCds.Analysis.Cards;

/// <summary>Puts text from the EHR (report impressions, study descriptions) into card markdown without letting it add links, images or HTML.</summary>
public static class Markdown
{
    private const string Special = "\\`*_{}[]()<>#+-.!|~";

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                builder.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
