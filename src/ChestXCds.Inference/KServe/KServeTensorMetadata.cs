namespace ChestXCds.Inference.KServe;

/// <summary>$metadata_tensor of the open inference protocol: a model input or output.</summary>
internal sealed record KServeTensorMetadata(string Name, string Datatype, IReadOnlyList<long> Shape);
