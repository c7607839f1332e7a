namespace ChestXCds.Fhir.Reading;

/// <summary>A FHIR read failed. The message is safe to log: status and kind of failure only.</summary>
public sealed class FhirReadException : Exception
{
    public FhirReadException()
    {
    }

    public FhirReadException(string message)
        : base(message)
    {
    }

    public FhirReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
