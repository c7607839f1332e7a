namespace ChestXCds.Reasoning.Generative;

/// <summary>The generative engine could not give an answer (server error, malformed response).</summary>
public sealed class GenerativeEngineException : Exception
{
    public GenerativeEngineException()
    {
    }

    public GenerativeEngineException(string message)
        : base(message)
    {
    }

    public GenerativeEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
