namespace ChestXCds.Domain;

/// <summary>A model's probability for one finding, with the model's decision threshold for it.</summary>
/// <param name="FindingId">Catalog id (see <see cref="FindingCatalog"/>).</param>
/// <param name="Probability">0..1 after the model's output activation (sigmoid or softmax).</param>
/// <param name="Threshold">Decision threshold; the finding is positive when Probability ≥ Threshold.</param>
public sealed record FindingScore(string FindingId, double Probability, double Threshold)
{
    public bool IsPositive => Probability >= Threshold;
}
