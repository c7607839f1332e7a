using System.Buffers.Binary;
using System.Text;

namespace ChestXCds.Testing.Dicom;

/// <summary>What a synthetic DICOM file holds; defaults give a 64x64 8-bit MONOCHROME2 DX PA chest image.</summary>
internal sealed record SyntheticImage
{
    public string StudyUid { get; init; } = "1.2.826.0.1.3680043.10.1.1";
    public string SeriesUid { get; init; } = "1.2.826.0.1.3680043.10.1.2";
    public string SopUid { get; init; } = "1.2.826.0.1.3680043.10.1.3";
    public string Modality { get; init; } = "DX";
    public string? ViewPosition { get; init; } = "PA";
    public string? BodyPart { get; init; } = "CHEST";
    public string? StudyDescription { get; init; }
    public string? SeriesDescription { get; init; }
    public int InstanceNumber { get; init; } = 1;
    public int Width { get; init; } = 64;
    public int Height { get; init; } = 64;
    public int BitsAllocated { get; init; } = 8;
    public int BitsStored { get; init; } = 8;
    public bool Signed { get; init; }
    public string Photometric { get; init; } = "MONOCHROME2";
    public string? WindowCenter { get; init; }
    public string? WindowWidth { get; init; }
    public string? RescaleSlope { get; init; }
    public string? RescaleIntercept { get; init; }

    /// <summary>VOI LUT: first mapped value, bits per entry, entries.</summary>
    public (int First, int Bits, ushort[] Entries)? VoiLut { get; init; }

    /// <summary>Stored values row-major; default a horizontal ramp.</summary>
    public int[]? Values { get; init; }

    /// <summary>When set, the pixel data is encapsulated JPEG Baseline with these bytes as its one fragment.</summary>
    public byte[]? JpegFragment { get; init; }

    /// <summary>When set (Number of Frames, 0028,0008), written into the data set.</summary>
    public int? Frames { get; init; }

    /// <summary>Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99): the data set is raw deflate (PS3.5 A.5).</summary>
    public bool Deflated { get; init; }
}

/// <summary>
/// Writes small Explicit VR Little Endian DICOM Part 10 files (PS3.10 7.1) for tests. Compiled into the test projects
/// that need DICOM files the shared data lacks (tests/Directory.Build.props, UsesDicomHelpers).
/// </summary>
internal static class SyntheticDicom
{
    private const string DigitalXRay = "1.2.840.10008.5.1.4.1.1.1.1";
    private const string ExplicitLittle = "1.2.840.10008.1.2.1";
    private const string JpegBaseline = "1.2.840.10008.1.2.4.50";
    private const string DeflatedLittle = "1.2.840.10008.1.2.1.99";

    public static string WriteTemp(SyntheticImage image)
    {
        var path = Path.Combine(Path.GetTempPath(), $"synthetic-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, Build(image));
        return path;
    }

    public static byte[] Build(SyntheticImage image)
    {
        var transferSyntax = image.JpegFragment is not null ? JpegBaseline : image.Deflated ? DeflatedLittle : ExplicitLittle;
        var meta = new MemoryStream();
        Element(meta, 0x0002, 0x0001, "OB", [0, 1]);
        Element(meta, 0x0002, 0x0002, "UI", Uid(DigitalXRay));
        Element(meta, 0x0002, 0x0003, "UI", Uid(image.SopUid));
        Element(meta, 0x0002, 0x0010, "UI", Uid(transferSyntax));
        Element(meta, 0x0002, 0x0012, "UI", Uid("1.2.826.0.1.3680043.10.99"));

        var data = new MemoryStream();
        Element(data, 0x0008, 0x0016, "UI", Uid(DigitalXRay));
        Element(data, 0x0008, 0x0018, "UI", Uid(image.SopUid));
        Element(data, 0x0008, 0x0060, "CS", Text(image.Modality));
        Optional(data, 0x0008, 0x1030, "LO", image.StudyDescription);
        Optional(data, 0x0008, 0x103E, "LO", image.SeriesDescription);
        Element(data, 0x0010, 0x0010, "PN", Text("Synthetic^Test"));
        Element(data, 0x0010, 0x0020, "LO", Text("SYNTH-1"));
        Optional(data, 0x0018, 0x0015, "CS", image.BodyPart);
        Optional(data, 0x0018, 0x5101, "CS", image.ViewPosition);
        Element(data, 0x0020, 0x000D, "UI", Uid(image.StudyUid));
        Element(data, 0x0020, 0x000E, "UI", Uid(image.SeriesUid));
        Element(data, 0x0020, 0x0013, "IS", Text(image.InstanceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Element(data, 0x0028, 0x0002, "US", UShort(1));
        Element(data, 0x0028, 0x0004, "CS", Text(image.Photometric));
        if (image.Frames is { } frames)
        {
            Element(data, 0x0028, 0x0008, "IS", Text(frames.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Element(data, 0x0028, 0x0010, "US", UShort(image.Height));
        Element(data, 0x0028, 0x0011, "US", UShort(image.Width));
        Element(data, 0x0028, 0x0100, "US", UShort(image.BitsAllocated));
        Element(data, 0x0028, 0x0101, "US", UShort(image.BitsStored));
        Element(data, 0x0028, 0x0102, "US", UShort(image.BitsStored - 1));
        Element(data, 0x0028, 0x0103, "US", UShort(image.Signed ? 1 : 0));
        Optional(data, 0x0028, 0x1050, "DS", image.WindowCenter);
        Optional(data, 0x0028, 0x1051, "DS", image.WindowWidth);
        Optional(data, 0x0028, 0x1052, "DS", image.RescaleIntercept);
        Optional(data, 0x0028, 0x1053, "DS", image.RescaleSlope);
        if (image.VoiLut is { } lut)
        {
            var item = new MemoryStream();
            var descriptor = new byte[6];
            BinaryPrimitives.WriteUInt16LittleEndian(descriptor, (ushort)lut.Entries.Length);
            BinaryPrimitives.WriteInt16LittleEndian(descriptor.AsSpan(2), (short)lut.First);
            BinaryPrimitives.WriteUInt16LittleEndian(descriptor.AsSpan(4), (ushort)lut.Bits);
            Element(item, 0x0028, 0x3002, image.Signed ? "SS" : "US", descriptor);
            Element(item, 0x0028, 0x3006, "OW", lut.Entries.SelectMany(e => new[] { (byte)e, (byte)(e >> 8) }).ToArray());
            var items = new MemoryStream();
            Header(items, 0xFFFE, 0xE000, null, (uint)item.Length);
            item.WriteTo(items);
            Element(data, 0x0028, 0x3010, "SQ", items.ToArray());
        }

        if (image.JpegFragment is { } fragment)
        {
            Header(data, 0x7FE0, 0x0010, "OB", 0xFFFFFFFF);
            Header(data, 0xFFFE, 0xE000, null, 0);
            var even = fragment.Length % 2 == 0 ? fragment : [.. fragment, 0];
            Header(data, 0xFFFE, 0xE000, null, (uint)even.Length);
            data.Write(even);
            Header(data, 0xFFFE, 0xE0DD, null, 0);
        }
        else
        {
            Element(data, 0x7FE0, 0x0010, image.BitsAllocated == 8 ? "OB" : "OW", Pixels(image));
        }

        var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)meta.Length);
        Element(file, 0x0002, 0x0000, "UL", groupLength);
        meta.WriteTo(file);
        if (image.Deflated)
        {
            using var deflate = new System.IO.Compression.DeflateStream(file, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true);
            data.WriteTo(deflate);
        }
        else
        {
            data.WriteTo(file);
        }

        return file.ToArray();
    }

    private static byte[] Pixels(SyntheticImage image)
    {
        var count = image.Width * image.Height;
        var values = image.Values ?? Enumerable.Range(0, count).Select(i => (i % image.Width) * ((1 << image.BitsStored) - 1) / Math.Max(image.Width - 1, 1)).ToArray();
        var bytesPerValue = image.BitsAllocated / 8;
        var pixels = new byte[count * bytesPerValue];
        for (var i = 0; i < count; i++)
        {
            if (bytesPerValue == 1)
            {
                pixels[i] = (byte)values[i];
            }
            else
            {
                BinaryPrimitives.WriteUInt16LittleEndian(pixels.AsSpan(i * 2), (ushort)(values[i] & ((1 << image.BitsStored) - 1)));
            }
        }

        return pixels;
    }

    private static void Optional(Stream stream, ushort group, ushort element, string vr, string? value)
    {
        if (value is not null)
        {
            Element(stream, group, element, vr, Text(value));
        }
    }

    private static void Element(Stream stream, ushort group, ushort element, string vr, byte[] value)
    {
        Header(stream, group, element, vr, (uint)value.Length);
        stream.Write(value);
    }

    private static void Header(Stream stream, ushort group, ushort element, string? vr, uint length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        if (vr is null)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
            stream.Write(header[..8]);
        }
        else if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            Encoding.ASCII.GetBytes(vr, header[4..]);
            header[6] = 0;
            header[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], length);
            stream.Write(header);
        }
        else
        {
            Encoding.ASCII.GetBytes(vr, header[4..]);
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            stream.Write(header[..8]);
        }
    }

    private static byte[] Uid(string uid) => Pad(Encoding.ASCII.GetBytes(uid), 0);

    private static byte[] Text(string text) => Pad(Encoding.ASCII.GetBytes(text), (byte)' ');

    private static byte[] UShort(int value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
        return bytes;
    }

    private static byte[] Pad(byte[] bytes, byte pad) => bytes.Length % 2 == 0 ? bytes : [.. bytes, pad];
}
