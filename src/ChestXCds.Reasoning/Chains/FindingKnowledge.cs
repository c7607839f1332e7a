namespace ChestXCds.Reasoning.Chains;

/// <summary>What a radiologist checks for one finding, from its knowledge file (Resources/Knowledge).</summary>
/// <param name="FindingId">Catalog id.</param>
/// <param name="Question">The question the chain answers.</param>
/// <param name="Signs">Radiographic signs to look for, in the order to check them.</param>
/// <param name="Source">The knowledge file, for provenance ("knowledge/Effusion").</param>
public sealed record FindingKnowledge(string FindingId, string Question, IReadOnlyList<string> Signs, string Source);
