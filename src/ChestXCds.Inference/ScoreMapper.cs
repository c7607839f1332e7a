using ChestXCds.Domain;
using ChestXCds.Inference.Manifests;

namespace ChestXCds.Inference;

/// <summary>Turns one row of logits into finding scores with the manifest's activation, labels and thresholds.</summary>
internal static class ScoreMapper
{
    public static IReadOnlyList<FindingScore> Map(ModelManifest manifest, float[] logits)
    {
        if (logits.Length != manifest.Labels.Count)
        {
            throw new InvalidOperationException($"Model '{manifest.Name}' gave {logits.Length} outputs for {manifest.Labels.Count} labels.");
        }

        var probabilities = manifest.Activation == OutputActivation.Softmax ? Softmax(logits) : Sigmoid(logits);
        var scores = new FindingScore[manifest.Labels.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var label = manifest.Labels[i];
            scores[i] = new FindingScore(label.FindingId, probabilities[label.Index], label.Threshold);
        }

        return scores;
    }

    public static double[] Sigmoid(float[] logits) => [.. logits.Select(z => 1.0 / (1.0 + Math.Exp(-(double)z)))];

    /// <summary>Softmax in double precision, shifted by the maximum so that exp cannot overflow.</summary>
    public static double[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exps = logits.Select(z => Math.Exp((double)z - max)).ToArray();
        var sum = exps.Sum();
        return [.. exps.Select(e => e / sum)];
    }
}
