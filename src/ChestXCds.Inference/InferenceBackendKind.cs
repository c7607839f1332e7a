namespace ChestXCds.Inference;

/// <summary>Which backend runs the model.</summary>
public enum InferenceBackendKind
{
    /// <summary>ONNX Runtime in this process.</summary>
    Onnx,

    /// <summary>A remote server speaking the KServe v2 / open inference protocol (Triton, KServe, Seldon).</summary>
    KServe,
}
