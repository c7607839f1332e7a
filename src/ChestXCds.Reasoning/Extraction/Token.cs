namespace ChestXCds.Reasoning.Extraction;

/// <summary>A lower-cased word (or a comma/semicolon) with its span in the full report text.</summary>
internal readonly record struct Token(string Text, int Start, int End)
{
    public bool IsPunctuation => Text.Length == 1 && !char.IsLetterOrDigit(Text[0]);

    /// <summary>Words are runs of letters and digits; commas are kept (lists), semicolons and colons end a clause.</summary>
    public static List<Token> Tokenize(string lowerText, int start, int end)
    {
        var tokens = new List<Token>(32);
        var i = start;
        while (i < end)
        {
            var c = lowerText[i];
            if (char.IsLetterOrDigit(c))
            {
                var s = i;
                while (i < end && (char.IsLetterOrDigit(lowerText[i]) || (lowerText[i] == '\'' && i + 1 < end && char.IsLetter(lowerText[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new Token(lowerText[s..i], s, i));
                continue;
            }

            if (c is ',' or ';' or ':')
            {
                tokens.Add(new Token(c.ToString(), i, i + 1));
            }

            i++;
        }

        return tokens;
    }
}
