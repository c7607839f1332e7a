namespace ChestXCds.Inference;

/// <summary>
/// The bounded inference queue is full: the caller should back off (an API answers 503 with Retry-After)
/// rather than the service buffering without limit.
/// </summary>
public sealed class InferenceBusyException : Exception
{
    public InferenceBusyException(string message)
        : base(message)
    {
    }

    public InferenceBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many requests the queue holds (<see cref="InferenceOptions.QueueCapacity"/>).</summary>
    public int QueueCapacity { get; init; }
}
