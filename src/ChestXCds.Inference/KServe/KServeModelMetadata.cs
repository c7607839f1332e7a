namespace ChestXCds.Inference.KServe;

/// <summary>$metadata_model_response of the open inference protocol (GET /v2/models/{name}).</summary>
internal sealed record KServeModelMetadata(
    string Name,
    IReadOnlyList<string>? Versions,
    string? Platform,
    IReadOnlyList<KServeTensorMetadata> Inputs,
    IReadOnlyList<KServeTensorMetadata> Outputs);
