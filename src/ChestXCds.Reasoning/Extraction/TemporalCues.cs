using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>Reads the temporal claim of a sentence with the same temporal lexicon the extractor uses.</summary>
public static class TemporalCues
{
    /// <summary>The first temporal cue in the text (longest phrase at each position), or Unknown.</summary>
    public static TemporalChange Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lower = text.ToLowerInvariant();
        var tokens = Token.Tokenize(lower, 0, lower.Length);
        var table = Lexicon.Default.Table;
        for (var i = 0; i < tokens.Count;)
        {
            var phrase = table.Longest(tokens, i);
            if (phrase is null)
            {
                i++;
                continue;
            }

            var role = phrase.Roles.FirstOrDefault(r => r.Kind == RoleKind.Temporal);
            if (role.Kind == RoleKind.Temporal && Enum.TryParse<TemporalChange>(role.Value, out var change))
            {
                return change;
            }

            i += phrase.Words.Length;
        }

        return TemporalChange.Unknown;
    }
}
