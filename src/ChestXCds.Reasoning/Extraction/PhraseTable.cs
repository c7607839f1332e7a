namespace ChestXCds.Reasoning.Extraction;

/// <summary>All phrases (triggers, terms, qualifiers) indexed for longest-match lookup at a token.</summary>
internal sealed class PhraseTable
{
    private readonly Dictionary<string, Phrase> byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Phrase>> byFirstWord = new(StringComparer.Ordinal);
    private readonly List<Phrase> prefixFirst = [];

    public void Add(string text, PhraseRole role)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var lastIsPrefix = trimmed.EndsWith('*');
        var tokens = Token.Tokenize(lastIsPrefix ? trimmed[..^1] : trimmed, 0, lastIsPrefix ? trimmed.Length - 1 : trimmed.Length);
        if (tokens.Count == 0)
        {
            throw new FormatException($"Phrase '{text}' has no words.");
        }

        var words = tokens.Select(t => t.Text).ToArray();
        var key = string.Join(' ', words) + (lastIsPrefix ? "*" : string.Empty);
        if (!byKey.TryGetValue(key, out var phrase))
        {
            phrase = new Phrase(words, lastIsPrefix);
            byKey[key] = phrase;
            if (words.Length == 1 && lastIsPrefix)
            {
                prefixFirst.Add(phrase);
            }
            else
            {
                if (!byFirstWord.TryGetValue(words[0], out var list))
                {
                    list = [];
                    byFirstWord[words[0]] = list;
                }

                list.Add(phrase);
            }
        }

        if (!phrase.Roles.Contains(role))
        {
            phrase.Roles.Add(role);
        }
    }

    /// <summary>The longest phrase matching at token <paramref name="at"/>, or null.</summary>
    public Phrase? Longest(List<Token> tokens, int at)
    {
        Phrase? best = null;
        if (byFirstWord.TryGetValue(tokens[at].Text, out var candidates))
        {
            foreach (var p in candidates)
            {
                if ((best is null || p.Words.Length > best.Words.Length) && p.Matches(tokens, at))
                {
                    best = p;
                }
            }
        }

        if (best is null)
        {
            foreach (var p in prefixFirst)
            {
                if (p.Matches(tokens, at))
                {
                    return p;
                }
            }
        }

        return best;
    }
}
