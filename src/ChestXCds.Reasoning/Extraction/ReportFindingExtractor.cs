using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>
/// Rule-based extractor in the NegEx/ConText tradition: lexicon phrases find mentions; triggers decide
/// the assertion within their scope (pre-triggers up to <see cref="PreScopeWords"/> words before the
/// mention, post-triggers up to <see cref="PostScopeWords"/> after, never past a terminator such as
/// "but" or a semicolon); pseudo-negations ("no change") are consumed so they negate nothing.
/// Thread-safe and allocation-light: one pass over each sentence's tokens.
/// </summary>
public sealed class ReportFindingExtractor : IReportFindingExtractor
{
    /// <summary>NegEx's default window is 5 words; chest reports and model reasoning list several findings after one "no".</summary>
    public const int PreScopeWords = 12;

    public const int PostScopeWords = 5;

    /// <summary>Words either side of a mention where laterality, location and temporal cues attach to it.</summary>
    public const int CueWindowWords = 6;

    private readonly Lexicon lexicon;

    public ReportFindingExtractor()
        : this(Lexicon.Default)
    {
    }

    internal ReportFindingExtractor(Lexicon lexicon) => this.lexicon = lexicon;

    /// <summary>Every observation the lexicon knows.</summary>
    public IReadOnlyCollection<Concept> Concepts => lexicon.Concepts.Values.ToList();

    public static bool TryGetConcept(string id, out Concept concept) =>
        Lexicon.Default.Concepts.TryGetValue(id, out concept!);

    public IReadOnlyList<ReportFinding> Extract(string reportText) =>
        Run(reportText, catalogOnly: true);

    public IReadOnlyList<ReportFinding> ExtractObservations(string reportText) =>
        Run(reportText, catalogOnly: false);

    private List<ReportFinding> Run(string text, bool catalogOnly)
    {
        ArgumentNullException.ThrowIfNull(text);
        var results = new List<ReportFinding>();
        if (text.Length == 0)
        {
            return results;
        }

        var lower = text.ToLowerInvariant();
        foreach (var section in ReportSectioner.Split(text))
        {
            foreach (var sentence in SentenceSplitter.Split(text, section.Body))
            {
                AnalyzeSentence(text, lower, section.Name, sentence, catalogOnly, results);
            }
        }

        return results;
    }

    private void AnalyzeSentence(string text, string lower, string section, TextSpan sentence, bool catalogOnly, List<ReportFinding> results)
    {
        var tokens = Token.Tokenize(lower, sentence.Start, sentence.End);
        if (tokens.Count == 0)
        {
            return;
        }

        var matches = new List<PhraseMatch>(8);
        var clause = 0;
        for (var i = 0; i < tokens.Count;)
        {
            if (tokens[i].Text is ";" or ":")
            {
                clause++;
                i++;
                continue;
            }

            var phrase = lexicon.Table.Longest(tokens, i);
            if (phrase is null)
            {
                i++;
                continue;
            }

            if (phrase.Roles.Exists(r => r.Kind == RoleKind.Terminator))
            {
                clause++;
            }

            matches.Add(new PhraseMatch(phrase, i, i + phrase.Words.Length, clause));
            i += phrase.Words.Length;
        }

        if (matches.Count == 0)
        {
            return;
        }

        var wordIndex = WordIndex(tokens);
        var found = new List<ReportFinding>(4);
        var sentenceText = text.Substring(sentence.Start, sentence.Length);
        for (var m = 0; m < matches.Count; m++)
        {
            foreach (var role in matches[m].Phrase.Roles)
            {
                if (role.Kind is not (RoleKind.Term or RoleKind.Anchor))
                {
                    continue;
                }

                var context = new MentionContext(matches, m, wordIndex, role.Value);
                if (context.IsHypothetical())
                {
                    continue;
                }

                var assertion = role.Kind == RoleKind.Term ? context.TermAssertion() : context.AnchorAssertion();
                if (assertion is null)
                {
                    continue;
                }

                var first = tokens[matches[m].From];
                var last = tokens[matches[m].To - 1];
                found.Add(new ReportFinding(
                    role.Value,
                    assertion.Value,
                    section,
                    new TextSpan(first.Start, last.End - first.Start),
                    sentence,
                    sentenceText,
                    context.Nearest(RoleKind.Laterality, tokens, lower),
                    context.Locations(),
                    ParseChange(context.Nearest(RoleKind.Temporal, tokens, lower))));
            }
        }

        foreach (var finding in found)
        {
            if ((!catalogOnly || FindingCatalog.TryGet(finding.FindingId, out _)) && !ExplainedAway(finding, found))
            {
                results.Add(finding);
            }
        }
    }

    private bool ExplainedAway(ReportFinding finding, List<ReportFinding> sentenceFindings)
    {
        var yieldTo = lexicon.Concepts[finding.FindingId].YieldTo;
        return yieldTo.Count > 0 && sentenceFindings.Exists(other =>
            other.Assertion != Assertion.Absent && yieldTo.Contains(other.FindingId, StringComparer.OrdinalIgnoreCase));
    }

    private static TemporalChange ParseChange(string? value) =>
        value is not null && Enum.TryParse<TemporalChange>(value, out var change) ? change : TemporalChange.Unknown;

    // Position of each token counted in words (punctuation does not count towards scope windows).
    private static int[] WordIndex(List<Token> tokens)
    {
        var index = new int[tokens.Count + 1];
        var words = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            index[i] = words;
            if (!tokens[i].IsPunctuation)
            {
                words++;
            }
        }

        index[tokens.Count] = words;
        return index;
    }
}
