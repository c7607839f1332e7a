namespace ChestXCds.Inference;

/// <summary>Where ONNX Runtime runs the model.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it can be initialised, else CPU with a logged warning.</summary>
    Auto,

    /// <summary>CUDA only; the service refuses to start without it.</summary>
    Cuda,

    /// <summary>CPU only.</summary>
    Cpu,
}
