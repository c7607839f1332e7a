using ChestXCds.Domain;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>
/// The embedded lexicon (Resources/Lexicon, one file per observation) and the assertion rules
/// (Resources/Rules: NegEx/ConText-style triggers, pseudo-negations, terminators, temporal cues).
/// Immutable once built; shared by every extraction.
/// </summary>
internal sealed class Lexicon
{
    private static readonly Lazy<Lexicon> Embedded = new(Load);

    private Lexicon(PhraseTable table, IReadOnlyDictionary<string, Concept> concepts)
    {
        Table = table;
        Concepts = concepts;
    }

    public static Lexicon Default => Embedded.Value;

    public PhraseTable Table { get; }

    public IReadOnlyDictionary<string, Concept> Concepts { get; }

    private static Lexicon Load()
    {
        var table = new PhraseTable();
        AddList(table, "Rules/negation-pre.txt", RoleKind.NegationPre);
        AddList(table, "Rules/negation-post.txt", RoleKind.NegationPost);
        AddList(table, "Rules/uncertainty-pre.txt", RoleKind.UncertaintyPre);
        AddList(table, "Rules/uncertainty-post.txt", RoleKind.UncertaintyPost);
        AddList(table, "Rules/hypothetical-pre.txt", RoleKind.Hypothetical);
        AddList(table, "Rules/pseudo.txt", RoleKind.Pseudo);
        AddList(table, "Rules/terminators.txt", RoleKind.Terminator);
        AddMap(table, "Rules/temporal.txt", RoleKind.Temporal);
        AddMap(table, "Rules/laterality.txt", RoleKind.Laterality);
        AddMap(table, "Rules/locations.txt", RoleKind.Location);

        var concepts = new Dictionary<string, Concept>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in EmbeddedText.Names("Lexicon/"))
        {
            var id = EmbeddedText.FileStem(name);
            var display = id.Replace('_', ' ').ToLowerInvariant();
            var kind = ConceptKind.Abnormality;
            var yieldTo = new List<string>();
            foreach (var line in EmbeddedText.Lines(EmbeddedText.Read(name)))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    throw new FormatException($"Lexicon {id}: line '{line}' has no 'field:'.");
                }

                var field = line[..colon].Trim();
                var value = line[(colon + 1)..].Trim();
                switch (field)
                {
                    case "display": display = value; break;
                    case "kind": kind = Enum.Parse<ConceptKind>(value, ignoreCase: true); break;
                    case "term": table.Add(value, new PhraseRole(RoleKind.Term, id)); break;
                    case "anchor": table.Add(value, new PhraseRole(RoleKind.Anchor, id)); break;
                    case "abnormal": table.Add(value, new PhraseRole(RoleKind.Abnormal, id)); break;
                    case "normal": table.Add(value, new PhraseRole(RoleKind.Normal, id)); break;
                    case "yield-to": yieldTo.Add(value); break;
                    case "exclude": table.Add(value, new PhraseRole(RoleKind.Exclude, id)); break;
                    default: throw new FormatException($"Lexicon {id}: unknown field '{field}'.");
                }
            }

            concepts[id] = new Concept(id, display, kind, FindingCatalog.TryGet(id, out _), yieldTo);
        }

        return new Lexicon(table, concepts);
    }

    private static void AddList(PhraseTable table, string file, RoleKind kind)
    {
        foreach (var line in EmbeddedText.Lines(EmbeddedText.ReadFile(file)))
        {
            table.Add(line, new PhraseRole(kind, string.Empty));
        }
    }

    private static void AddMap(PhraseTable table, string file, RoleKind kind)
    {
        foreach (var line in EmbeddedText.Lines(EmbeddedText.ReadFile(file)))
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                throw new FormatException($"{file}: line '{line}' has no '=>'.");
            }

            table.Add(line[..arrow], new PhraseRole(kind, line[(arrow + 2)..].Trim()));
        }
    }
}
