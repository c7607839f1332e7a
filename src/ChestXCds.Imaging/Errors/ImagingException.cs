namespace ChestXCds.Imaging.Errors;

/// <summary>Base of every failure Imaging reports; the message is safe to show (no tokens, no patient identifiers).</summary>
public abstract class ImagingException : Exception
{
    protected ImagingException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
