namespace ChestXCds.Imaging.Display;

/// <summary>
/// A display-ready 8-bit greyscale image: modality LUT, VOI and MONOCHROME1 inversion applied,
/// 0 black and 255 white, row-major.
/// </summary>
public sealed class DisplayImage
{
    public DisplayImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"A {width}x{height} image needs {(long)width * height} pixels, got {pixels.Length}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }
}
