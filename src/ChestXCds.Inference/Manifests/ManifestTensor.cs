namespace ChestXCds.Inference.Manifests;

/// <summary>A named model tensor.</summary>
/// <param name="Name">Tensor name in the ONNX graph (and in KServe metadata).</param>
/// <param name="Datatype">Open inference protocol datatype; only FP32 is supported.</param>
/// <param name="Shape">Dimensions; -1 marks a dynamic dimension (the batch, first).</param>
public sealed record ManifestTensor(string Name, string Datatype, IReadOnlyList<long> Shape);
