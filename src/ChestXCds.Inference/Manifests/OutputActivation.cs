namespace ChestXCds.Inference.Manifests;

/// <summary>How the output logits become probabilities.</summary>
public enum OutputActivation
{
    /// <summary>Independent per label (multi-label).</summary>
    Sigmoid,

    /// <summary>Over all labels (multi-class; probabilities sum to 1).</summary>
    Softmax,
}
