using ChestXCds.Imaging.Decoding;

namespace ChestXCds.Imaging.Display;

/// <summary>Decodes with the <see cref="IDicomDecoder"/> and renders with <see cref="DisplayRenderer"/>.</summary>
public sealed class DicomImageReader(IDicomDecoder decoder) : IDicomImageReader
{
    /// <summary>A reader over GDCM, for callers without dependency injection (the CLI, benchmarks).</summary>
    public DicomImageReader()
        : this(new GdcmDicomDecoder())
    {
    }

    public DicomImage Read(string path)
    {
        var decoded = decoder.Decode(path);
        return new DicomImage(decoded.Attributes, DisplayRenderer.Render(decoded));
    }
}
