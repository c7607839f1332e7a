namespace ChestXCds.Inference;

/// <summary>
/// A model could not be made ready: missing or invalid manifest, missing or corrupt weights, a checksum
/// mismatch, tensors that do not match the manifest, or an inference server that is not ready.
/// The message says which and where; the service refuses to start with it.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
