namespace ChestXCds.Imaging.Errors;

/// <summary>The instance's header declares more pixels (rows x columns x frames) than <c>Imaging:Decoding:MaxPixels</c> allows; it is not decoded.</summary>
public sealed class PixelBudgetExceededException(string message, long maxPixels) : ImagingException(message)
{
    public long MaxPixels { get; } = maxPixels;
}
