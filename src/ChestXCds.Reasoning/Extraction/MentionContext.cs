using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>The phrases around one mention, and the scope rules that turn them into an assertion and cues.</summary>
internal readonly struct MentionContext
{
    private readonly List<PhraseMatch> matches;
    private readonly int self;
    private readonly int[] words;
    private readonly string concept;

    public MentionContext(List<PhraseMatch> matches, int self, int[] words, string concept)
    {
        this.matches = matches;
        this.self = self;
        this.words = words;
        this.concept = concept;
    }

    private PhraseMatch Self => matches[self];

    /// <summary>A hypothetical trigger ("look for", "option B mentions") before the mention in its clause: named, not asserted.</summary>
    public bool IsHypothetical()
    {
        for (var k = self - 1; k >= 0 && InPreScope(k); k--)
        {
            if (matches[k].Has(RoleKind.Hypothetical))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A pre-negation in scope wins ("no evidence to suggest pneumonia" is negative); otherwise any hedge
    /// in scope makes it uncertain; otherwise a post-negation ("... is not seen") makes it absent.
    /// </summary>
    public Assertion TermAssertion()
    {
        bool negPre = false, uncPre = false, negPost = false, uncPost = false;
        for (var k = self - 1; k >= 0 && InPreScope(k); k--)
        {
            negPre |= matches[k].Has(RoleKind.NegationPre);
            uncPre |= matches[k].Has(RoleKind.UncertaintyPre);
        }

        for (var k = self + 1; k < matches.Count && InPostScope(k); k++)
        {
            negPost |= matches[k].Has(RoleKind.NegationPost) || matches[k].Has(RoleKind.Normal, concept);
            uncPost |= matches[k].Has(RoleKind.UncertaintyPost);
        }

        if (negPre)
        {
            return Assertion.Absent;
        }

        if (uncPre || uncPost)
        {
            return Assertion.Uncertain;
        }

        return negPost ? Assertion.Absent : Assertion.Present;
    }

    /// <summary>
    /// Anchors ("heart size", "lungs") are findings only when qualified: an abnormal qualifier for the
    /// concept ("enlarged") makes it present unless negated or hedged; a hedge after it ("at the upper
    /// limits of normal") makes it uncertain; a normal qualifier or negation makes it absent.
    /// </summary>
    public Assertion? AnchorAssertion()
    {
        bool abnormal = false, normal = false, neg = false, unc = false, uncAfter = false;
        for (var k = 0; k < matches.Count; k++)
        {
            if (k == self || matches[k].Clause != Self.Clause || Distance(k) > ReportFindingExtractor.CueWindowWords)
            {
                continue;
            }

            var m = matches[k];
            abnormal |= m.Has(RoleKind.Abnormal, concept);
            normal |= m.Has(RoleKind.Normal, concept);
            neg |= m.Has(RoleKind.NegationPre) || m.Has(RoleKind.NegationPost);
            var hedge = m.Has(RoleKind.UncertaintyPre) || m.Has(RoleKind.UncertaintyPost);
            unc |= hedge;
            uncAfter |= hedge && k > self;
        }

        if (abnormal)
        {
            return neg ? Assertion.Absent : unc ? Assertion.Uncertain : Assertion.Present;
        }

        if (uncAfter && !normal)
        {
            return Assertion.Uncertain;
        }

        return normal || neg ? Assertion.Absent : null;
    }

    /// <summary>The value of the nearest cue of this kind in the clause, within the cue window.</summary>
    public string? Nearest(RoleKind kind, List<Token> tokens, string lower)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var k = 0; k < matches.Count; k++)
        {
            if (k == self || matches[k].Clause != Self.Clause)
            {
                continue;
            }

            var value = matches[k].Value(kind);
            var d = Distance(k);
            if (value is not null && d <= ReportFindingExtractor.CueWindowWords && d < bestDistance)
            {
                best = value;
                bestDistance = d;
            }
        }

        // The mention phrase itself may carry the cue ("bibasilar atelectasis" is one phrase only when listed).
        return best ?? Self.Value(kind);
    }

    public IReadOnlyList<string> Locations()
    {
        List<string>? found = null;
        for (var k = 0; k < matches.Count; k++)
        {
            if (k == self || matches[k].Clause != Self.Clause || Distance(k) > ReportFindingExtractor.CueWindowWords)
            {
                continue;
            }

            var value = matches[k].Value(RoleKind.Location);
            if (value is not null)
            {
                found ??= [];
                if (!found.Contains(value))
                {
                    found.Add(value);
                }
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    private int Distance(int k) =>
        k < self ? words[Self.From] - words[matches[k].To] : words[matches[k].From] - words[Self.To];

    private bool InPreScope(int k) =>
        matches[k].Clause == Self.Clause && Distance(k) <= ReportFindingExtractor.PreScopeWords;

    // A post-trigger reaches back over another mention only when the two are listed together
    // ("pneumothorax or effusion is seen" style), so "Cardiomegaly, lungs normal" does not negate cardiomegaly.
    private bool InPostScope(int k)
    {
        if (matches[k].Clause != Self.Clause || Distance(k) > ReportFindingExtractor.PostScopeWords)
        {
            return false;
        }

        var previous = k - 1 > self ? matches[k - 1] : Self;
        for (var j = self + 1; j < k; j++)
        {
            var between = matches[j];
            if ((between.Has(RoleKind.Term) || between.Has(RoleKind.Anchor)) && words[between.From] - words[previous.To] > 1)
            {
                return false;
            }

            previous = between;
        }

        return true;
    }
}
