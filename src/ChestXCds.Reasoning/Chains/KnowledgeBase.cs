using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Chains;

/// <summary>The embedded knowledge files, one per finding, that reasoning plans are built from.</summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Embedded = new(Load);

    private readonly Dictionary<string, FindingKnowledge> byId;

    private KnowledgeBase(Dictionary<string, FindingKnowledge> byId) => this.byId = byId;

    public static KnowledgeBase Default => Embedded.Value;

    public bool TryGet(string findingId, out FindingKnowledge knowledge) => byId.TryGetValue(findingId, out knowledge!);

    /// <summary>The knowledge for a finding, or a generic plan (question only, no signs) when no file exists.</summary>
    public FindingKnowledge Get(string findingId)
    {
        if (byId.TryGetValue(findingId, out var knowledge))
        {
            return knowledge;
        }

        var display = FindingCatalog.TryGet(findingId, out var definition) ? definition.Display.ToLowerInvariant() : findingId;
        return new FindingKnowledge(findingId, $"Is there {display}?", [], Source: string.Empty);
    }

    private static KnowledgeBase Load()
    {
        var byId = new Dictionary<string, FindingKnowledge>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in EmbeddedText.Names("Knowledge/"))
        {
            var id = EmbeddedText.FileStem(name);
            string? question = null;
            var signs = new List<string>();
            foreach (var line in EmbeddedText.Lines(EmbeddedText.Read(name)))
            {
                if (line.StartsWith("question:", StringComparison.Ordinal))
                {
                    question = line["question:".Length..].Trim();
                }
                else if (line.StartsWith("sign:", StringComparison.Ordinal))
                {
                    signs.Add(line["sign:".Length..].Trim());
                }
                else
                {
                    throw new FormatException($"Knowledge {id}: line '{line}' is neither 'question:' nor 'sign:'.");
                }
            }

            byId[id] = new FindingKnowledge(id, question ?? $"Is there {id}?", signs, "knowledge/" + id);
        }

        return new KnowledgeBase(byId);
    }
}
