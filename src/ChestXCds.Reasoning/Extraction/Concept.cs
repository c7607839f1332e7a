namespace ChestXCds.Reasoning.Extraction;

/// <summary>
/// One observation the lexicon knows: a catalog finding (FindingCatalog id) or a further observation
/// (granuloma, scoliosis, "lungs") used for "No Finding" and for RadRScore key findings.
/// </summary>
/// <param name="Id">The lexicon file name: a FindingCatalog id, or an observation id outside the catalog.</param>
/// <param name="Display">Words a report would use for it.</param>
/// <param name="Kind">Abnormality, device or anatomy.</param>
/// <param name="InCatalog">True when <paramref name="Id"/> is a FindingCatalog id.</param>
/// <param name="YieldTo">Observations that, asserted in the same sentence, explain this mention away
/// ("nodular density consistent with granuloma" is a granuloma, not a nodule).</param>
public sealed record Concept(string Id, string Display, ConceptKind Kind, bool InCatalog, IReadOnlyList<string> YieldTo);
