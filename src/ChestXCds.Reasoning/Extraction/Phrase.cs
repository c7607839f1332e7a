namespace ChestXCds.Reasoning.Extraction;

/// <summary>A phrase of words; a trailing * on the last word matches any word starting with it.</summary>
internal sealed class Phrase
{
    public Phrase(string[] words, bool lastIsPrefix)
    {
        Words = words;
        LastIsPrefix = lastIsPrefix;
    }

    public string[] Words { get; }

    public bool LastIsPrefix { get; }

    public List<PhraseRole> Roles { get; } = [];

    public bool Matches(List<Token> tokens, int at)
    {
        if (at + Words.Length > tokens.Count)
        {
            return false;
        }

        for (var w = 0; w < Words.Length; w++)
        {
            var token = tokens[at + w].Text;
            var word = Words[w];
            var ok = w == Words.Length - 1 && LastIsPrefix
                ? token.StartsWith(word, StringComparison.Ordinal)
                : string.Equals(token, word, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
