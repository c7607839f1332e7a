namespace ChestXCds.Inference;

/// <summary>The remote inference server refused or failed a request, or answered something that is not the protocol.</summary>
public sealed class InferenceServerException : Exception
{
    public InferenceServerException(string message)
        : base(message)
    {
    }

    public InferenceServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the server answered, when it answered.</summary>
    public int? StatusCode { get; init; }
}
