using System.Buffers.Binary;
using System.Globalization;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// Decodes DICOM files with GDCM's C# binding (Debian libgdcm-cil): Implicit/Explicit VR Little
/// Endian, JPEG Baseline, JPEG Lossless, JPEG-LS, JPEG 2000 and RLE.
/// </summary>
public sealed class GdcmDicomDecoder(DecodingOptions limits) : IDicomDecoder
{
    /// <summary>A decoder with the default limits (the CLI and tests); the service's comes from <c>Imaging:Decoding</c>.</summary>
    public GdcmDicomDecoder()
        : this(new DecodingOptions())
    {
    }

    /// <summary>A decoder with the configured limits.</summary>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public GdcmDicomDecoder(Microsoft.Extensions.Options.IOptions<DecodingOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    // GDCM's native reader is not documented as re-entrant across threads; one decode at a time.
    private static readonly Lock GdcmLock = new();

    public DecodedDicom Decode(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No such DICOM file: {path}", path);
        }

        var name = Path.GetFileName(path);
        try
        {
            DicomStructureValidator.Validate(path, name, limits);
            lock (GdcmLock)
            {
                return DecodeLocked(path, name);
            }
        }
        catch (CorruptInstanceException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ApplicationException or SystemException)
        {
            throw new CorruptInstanceException($"{name}: GDCM failed to decode the image ({ex.GetType().Name}).", ex);
        }
    }

    private static DecodedDicom DecodeLocked(string path, string name)
    {
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(path);
        if (!reader.Read())
        {
            throw new CorruptInstanceException($"{name}: not a readable DICOM image (no DICOM header, truncated, or no Pixel Data).");
        }

        using var image = reader.GetImage();
        using var file = reader.GetFile();
        using var dataSet = file.GetDataSet();
        using var strings = new gdcm.StringFilter();
        strings.SetFile(file);

        using var format = image.GetPixelFormat();
        var width = checked((int)image.GetDimension(0));
        var height = checked((int)image.GetDimension(1));
        var frames = image.GetNumberOfDimensions() > 2 ? Math.Max(1, (int)image.GetDimension(2)) : 1;
        var bitsAllocated = (int)format.GetBitsAllocated();
        var bitsStored = (int)format.GetBitsStored();
        var samples = (int)format.GetSamplesPerPixel();
        using var photometricInterpretation = image.GetPhotometricInterpretation();
        using var transferSyntax = image.GetTransferSyntax();

        string? Text(ushort group, ushort element)
        {
            using var tag = new gdcm.Tag(group, element);
            if (!dataSet.FindDataElement(tag))
            {
                return null;
            }

            var value = strings.ToString(tag)?.Trim('\0', ' ');
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var attributes = new DicomImageAttributes(
            SopInstanceUid: Text(0x0008, 0x0018),
            SeriesInstanceUid: Text(0x0020, 0x000E),
            StudyInstanceUid: Text(0x0020, 0x000D),
            Modality: Text(0x0008, 0x0060),
            ViewPosition: Text(0x0018, 0x5101),
            BodyPartExamined: Text(0x0018, 0x0015),
            TransferSyntaxUid: transferSyntax.GetString()?.Trim('\0', ' ') ?? string.Empty,
            Width: width,
            Height: height,
            BitsAllocated: bitsAllocated,
            BitsStored: bitsStored,
            IsSigned: format.GetPixelRepresentation() == 1,
            PhotometricInterpretation: photometricInterpretation.GetString()?.Trim('\0', ' ') ?? string.Empty,
            SamplesPerPixel: samples,
            NumberOfFrames: frames,
            // GDCM's Image.GetSlope/GetIntercept ignore the Modality LUT of some SOP classes (DX among
            // them), so the attributes are read directly; PS3.3 C.11.1: absent means identity.
            RescaleSlope: FirstNumber(Text(0x0028, 0x1053)) is { } slope and not 0 ? slope : 1,
            RescaleIntercept: FirstNumber(Text(0x0028, 0x1052)) ?? 0);

        if (width <= 0 || height <= 0)
        {
            throw new CorruptInstanceException($"{name}: image has no rows or columns.");
        }

        if (bitsAllocated is not (8 or 16 or 32) || bitsStored < 1 || bitsStored > bitsAllocated)
        {
            throw new CorruptInstanceException($"{name}: unsupported pixel format (Bits Allocated {bitsAllocated}, Bits Stored {bitsStored}).");
        }

        if (samples is not (1 or 3))
        {
            throw new CorruptInstanceException($"{name}: unsupported Samples per Pixel {samples}.");
        }

        var length = image.GetBufferLength();
        var frameBytes = (long)width * height * samples * (bitsAllocated / 8);
        if (length < frameBytes || length > int.MaxValue)
        {
            throw new CorruptInstanceException($"{name}: pixel data holds {length} bytes; one frame needs {frameBytes}.");
        }

        var buffer = new byte[length];
        if (!image.GetBuffer(buffer))
        {
            throw new CorruptInstanceException($"{name}: pixel data could not be decoded ({attributes.TransferSyntaxName}).");
        }

        var planar = image.GetPlanarConfiguration() == 1;
        var stored = StoredValueUnpacker.Unpack(buffer, attributes, planar);
        return new DecodedDicom(attributes, stored, ReadWindows(Text), ReadVoiLut(dataSet, attributes.IsSigned));
    }

    private static List<VoiWindow> ReadWindows(Func<ushort, ushort, string?> text)
    {
        var centres = SplitNumbers(text(0x0028, 0x1050));
        var widths = SplitNumbers(text(0x0028, 0x1051));
        var function = text(0x0028, 0x1056)?.ToUpperInvariant() ?? "LINEAR";
        var windows = new List<VoiWindow>();
        for (var i = 0; i < Math.Min(centres.Count, widths.Count); i++)
        {
            // PS3.3 C.11.2.1.2: Window Width shall be >= 1 (LINEAR) or > 0 (EXACT, SIGMOID).
            if (widths[i] > 0)
            {
                windows.Add(new VoiWindow(centres[i], widths[i], function));
            }
        }

        return windows;
    }

    private static double? FirstNumber(string? multiValue) => SplitNumbers(multiValue) is [var first, ..] ? first : null;

    private static List<double> SplitNumbers(string? multiValue)
    {
        var values = new List<double>();
        if (multiValue is null)
        {
            return values;
        }

        foreach (var part in multiValue.Split('\\', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values.Add(value);
            }
        }

        return values;
    }

    private static VoiLut? ReadVoiLut(gdcm.DataSet dataSet, bool signedPixels)
    {
        using var sequenceTag = new gdcm.Tag(0x0028, 0x3010);
        if (!dataSet.FindDataElement(sequenceTag))
        {
            return null;
        }

        using var element = dataSet.GetDataElement(sequenceTag);
        using var sequence = element.GetValueAsSQ();
        if (sequence is null || sequence.GetPointer() is null || sequence.GetNumberOfItems() < 1)
        {
            return null;
        }

        using var item = sequence.GetItem(1);
        using var nested = item.GetNestedDataSet();
        var descriptor = ReadBytes(nested, 0x0028, 0x3002);
        var data = ReadBytes(nested, 0x0028, 0x3006);
        if (descriptor is null || descriptor.Length < 6 || data is null || data.Length < 2)
        {
            return null;
        }

        // PS3.3 C.11.1.1.1: entries (0 means 65536), first mapped value (US or SS), bits per entry.
        var count = BinaryPrimitives.ReadUInt16LittleEndian(descriptor);
        var entries = count == 0 ? 65536 : count;
        int firstMapped = BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(2));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(descriptor.AsSpan(4));
        if (signedPixels)
        {
            // With signed pixel data the first mapped value is SS.
            firstMapped = BinaryPrimitives.ReadInt16LittleEndian(descriptor.AsSpan(2));
        }

        var values = new int[Math.Min(entries, data.Length / 2)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(i * 2));
        }

        return values.Length == 0 ? null : new VoiLut(firstMapped, bits, values);
    }

    private static byte[]? ReadBytes(gdcm.DataSet dataSet, ushort group, ushort elementNumber)
    {
        using var tag = new gdcm.Tag(group, elementNumber);
        if (!dataSet.FindDataElement(tag))
        {
            return null;
        }

        using var element = dataSet.GetDataElement(tag);
        using var value = element.GetByteValue();
        if (value is null)
        {
            return null;
        }

        var length = (uint)value.GetLength();
        var bytes = new byte[length];
        return value.GetBuffer(bytes, length) ? bytes : null;
    }
}
