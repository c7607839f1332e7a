namespace ChestXCds.Reasoning.Labeling;

/// <summary>Per-label counts against binary gold labels, and the precision/recall/F1 they give.</summary>
public sealed record LabelMetrics(string Label, int TruePositives, int FalsePositives, int FalseNegatives, int Support)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
