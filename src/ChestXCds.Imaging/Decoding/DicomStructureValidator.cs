using System.Buffers.Binary;
using System.Text;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// Walks a DICOM Part 10 file's element structure (PS3.10 7.1, PS3.5 7.1 and 7.5) before GDCM
/// sees it: GDCM's reader aborts the whole process with a C assert on some truncated or malformed
/// files, so every length, VR and item delimiter is checked here first and a bad file becomes a
/// <see cref="CorruptInstanceException"/> instead.
/// </summary>
internal static class DicomStructureValidator
{
    private const string ImplicitVrLittleEndian = "1.2.840.10008.1.2";
    private const string ExplicitVrBigEndian = "1.2.840.10008.1.2.2";
    private const string DeflatedExplicitVrLittleEndian = "1.2.840.10008.1.2.1.99";
    private const uint Undefined = 0xFFFFFFFF;
    private const int MaxDepth = 32;

    // PS3.5 Table 7.1-1: VRs with a 2-byte reserved field and a 4-byte length.
    private static readonly HashSet<string> LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    private static readonly HashSet<string> ShortVrs =
        ["AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US"];

    /// <param name="path">The file.</param>
    /// <param name="name">Its name, for messages.</param>
    /// <param name="limits">The pixel budget and the most a deflated data set may inflate to.</param>
    public static void Validate(string path, string name, DecodingOptions? limits = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var walker = new Walker(stream, name, limits ?? new DecodingOptions());
        walker.Run();
    }

    private sealed class Walker(Stream stream, string name, DecodingOptions limits)
    {
        private readonly byte[] _scratch = new byte[8];
        private bool _bigEndian;
        private bool _implicit;
        private bool _sawPixelData;
        private long? _nativePixelBytes;
        private (long Offset, uint Length)? _firstFragment;
        private readonly Dictionary<uint, int> _pixelModule = [];
        private int? _frames;

        public void Run()
        {
            if (stream.Length < 132)
            {
                throw Corrupt("too short for a DICOM Part 10 file (no 128-byte preamble and DICM prefix)");
            }

            stream.Position = 128;
            Read(4);
            if (Encoding.ASCII.GetString(_scratch, 0, 4) != "DICM")
            {
                throw Corrupt("no DICM prefix after the 128-byte preamble; not a DICOM Part 10 file");
            }

            var transferSyntax = ReadMetaGroup();
            if (transferSyntax == DeflatedExplicitVrLittleEndian)
            {
                // PS3.5 A.5: the data set after the meta group is raw deflate of Explicit VR Little Endian. Inflate it
                // (never past the limit: a small file can declare a huge one) and check it like any other.
                using var inflated = DeflatedDataSet.Inflate(stream, limits.MaxInflatedBytes, name);
                new Walker(inflated, name, limits).WalkDataSet(transferSyntax, explicitLittleEndian: true);
                return;
            }

            WalkDataSet(transferSyntax, explicitLittleEndian: false);
        }

        private void WalkDataSet(string transferSyntax, bool explicitLittleEndian)
        {
            _implicit = !explicitLittleEndian && transferSyntax == ImplicitVrLittleEndian;
            _bigEndian = !explicitLittleEndian && transferSyntax == ExplicitVrBigEndian;
            WalkElements(stream.Length, depth: 0, stopAtItemDelimiter: false);
            if (!_sawPixelData)
            {
                throw Corrupt("no Pixel Data (7FE0,0010); not an image, or truncated");
            }

            CheckImagePixelModule();
            if (_firstFragment is { } fragment)
            {
                CheckFirstFragment(transferSyntax, fragment.Offset, fragment.Length);
            }
        }

        private void CheckFirstFragment(string transferSyntax, long offset, uint length)
        {
            var bytes = new byte[(int)Math.Min(length, 1 << 16)];
            stream.Position = offset;
            stream.ReadExactly(bytes);
            if (FrameHeaderCheck.Problem(transferSyntax, bytes, length) is { } problem)
            {
                throw Corrupt(problem);
            }
        }

        private void CheckImagePixelModule()
        {
            // The pixel budget first, before any decoder allocates.
            if (ImagePixelModuleCheck.OverBudget(_pixelModule, _frames, limits.MaxPixels) is { } overBudget)
            {
                throw new PixelBudgetExceededException($"{name}: {overBudget}", limits.MaxPixels);
            }

            if (ImagePixelModuleCheck.Problem(_pixelModule, _nativePixelBytes) is { } problem)
            {
                throw Corrupt(problem);
            }
        }

        private string ReadMetaGroup()
        {
            // PS3.10 7.1: group 0002 is always Explicit VR Little Endian.
            string? transferSyntax = null;
            long? metaEnd = null;
            while (stream.Position + 8 <= stream.Length)
            {
                var start = stream.Position;
                Read(2);
                var group = BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
                if (group != 0x0002)
                {
                    stream.Position = start;
                    break;
                }

                stream.Position = start;
                var (tag, vr, length) = ReadHeader(bigEndian: false, implicitVr: false);
                if (length == Undefined)
                {
                    throw Corrupt("undefined length in the file meta information");
                }

                EnsureAvailable(length, tag);
                if (tag == 0x00020000 && length == 4)
                {
                    var bytes = new byte[4];
                    stream.ReadExactly(bytes);
                    metaEnd = stream.Position + BinaryPrimitives.ReadUInt32LittleEndian(bytes);
                }
                else if (tag == 0x00020010)
                {
                    var bytes = new byte[length];
                    stream.ReadExactly(bytes);
                    transferSyntax = Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');
                }
                else
                {
                    stream.Position += length;
                }

                _ = vr;
            }

            if (metaEnd is { } expectedEnd && stream.Position != expectedEnd)
            {
                throw Corrupt("the file meta information is shorter than its group length says (truncated)");
            }

            return transferSyntax ?? throw Corrupt("the file meta information has no Transfer Syntax UID (0002,0010)");
        }

        private void WalkElements(long end, int depth, bool stopAtItemDelimiter)
        {
            if (depth > MaxDepth)
            {
                throw Corrupt("sequences nested deeper than " + MaxDepth);
            }

            long previousTag = -1;
            while (stream.Position < end)
            {
                if (end - stream.Position < 8)
                {
                    throw Corrupt($"{end - stream.Position} stray bytes at offset {stream.Position}");
                }

                var (tag, vr, length) = ReadHeader(_bigEndian, _implicit);
                _sawPixelData |= depth == 0 && tag == 0x7FE00010;
                if (tag != 0xFFFEE00D)
                {
                    // PS3.5 7.1: elements appear in ascending tag order, each tag once.
                    if (tag <= previousTag)
                    {
                        throw Corrupt($"element ({tag >> 16:X4},{tag & 0xFFFF:X4}) is out of order at offset {stream.Position - 8}");
                    }

                    previousTag = tag;
                }

                if (vr is not null && length != Undefined && length % ValueSize(vr) != 0)
                {
                    throw Corrupt($"({tag >> 16:X4},{tag & 0xFFFF:X4}) has length {length}, not a multiple of its VR {vr}'s size");
                }
                if (tag == 0xFFFEE00D)
                {
                    if (stopAtItemDelimiter)
                    {
                        return;
                    }

                    throw Corrupt($"item delimiter outside an item at offset {stream.Position - 8}");
                }

                if (length != Undefined)
                {
                    EnsureAvailable(length, tag);
                    if (depth == 0 && length == 2 && tag is 0x00280002 or 0x00280010 or 0x00280011 or 0x00280100 or 0x00280101 or 0x00280102)
                    {
                        Read(2);
                        _pixelModule[tag] = _bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_scratch) : BinaryPrimitives.ReadUInt16LittleEndian(_scratch);
                        continue;
                    }

                    if (depth == 0 && tag == 0x7FE00010)
                    {
                        _nativePixelBytes = length;
                    }

                    if (depth == 0 && tag == 0x00280008 && length is > 0 and <= 12)
                    {
                        // Number of Frames (IS): decimal text, padded.
                        var text = new byte[length];
                        stream.ReadExactly(text);
                        _frames = int.TryParse(Encoding.ASCII.GetString(text).Trim('\0', ' '), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var frames) && frames > 0
                            ? frames
                            : throw Corrupt("Number of Frames (0028,0008) is not a positive integer");
                        continue;
                    }

                    if (vr == "SQ")
                    {
                        WalkSequence(depth + 1, stream.Position + length);
                        continue;
                    }

                    stream.Position += length;
                    continue;
                }

                if (tag == 0x7FE00010)
                {
                    WalkFragments();
                }
                else if (vr is "UN")
                {
                    // PS3.5 6.2.2: UN of undefined length is a sequence encoded in Implicit VR LE.
                    var (wasImplicit, wasBigEndian) = (_implicit, _bigEndian);
                    (_implicit, _bigEndian) = (true, false);
                    WalkSequence(depth + 1, null);
                    (_implicit, _bigEndian) = (wasImplicit, wasBigEndian);
                }
                else if (vr is "SQ" or null)
                {
                    WalkSequence(depth + 1, null);
                }
                else
                {
                    throw Corrupt($"undefined length on ({tag >> 16:X4},{tag & 0xFFFF:X4}) with VR {vr}");
                }
            }

            if (stopAtItemDelimiter)
            {
                throw Corrupt("an undefined-length item has no item delimiter (file truncated)");
            }
        }

        /// <param name="end">Where a defined-length sequence ends; null for an undefined length (ends at its delimiter).</param>
        private void WalkSequence(int depth, long? end)
        {
            while (end is null || stream.Position < end)
            {
                var (tag, length) = ReadItemHeader();
                if (tag == 0xFFFEE0DD)
                {
                    return;
                }

                if (tag != 0xFFFEE000)
                {
                    throw Corrupt($"expected a sequence item at offset {stream.Position - 8}");
                }

                if (length == Undefined)
                {
                    WalkElements(end ?? stream.Length, depth, stopAtItemDelimiter: true);
                }
                else
                {
                    EnsureAvailable(length, tag);
                    if (end is { } limit && stream.Position + length > limit)
                    {
                        throw Corrupt($"a sequence item overruns its sequence at offset {stream.Position - 8}");
                    }

                    WalkElements(stream.Position + length, depth, stopAtItemDelimiter: false);
                }
            }

            if (end is { } sequenceEnd && stream.Position != sequenceEnd)
            {
                throw Corrupt("a sequence's items do not add up to its length");
            }
        }

        private void WalkFragments()
        {
            // PS3.5 A.4: encapsulated pixel data is a basic offset table item, fragment items, a delimiter.
            var index = 0;
            while (true)
            {
                var (tag, length) = ReadItemHeader();
                if (tag == 0xFFFEE0DD)
                {
                    return;
                }

                if (tag != 0xFFFEE000 || length == Undefined)
                {
                    throw Corrupt($"malformed encapsulated pixel data fragment at offset {stream.Position - 8}");
                }

                EnsureAvailable(length, tag);
                if (index++ > 0 && _firstFragment is null && length > 0)
                {
                    _firstFragment = (stream.Position, length);
                }

                stream.Position += length;
            }
        }

        private (uint Tag, uint Length) ReadItemHeader()
        {
            if (stream.Length - stream.Position < 8)
            {
                throw Corrupt("the file ends inside a sequence or the pixel data (truncated)");
            }

            Read(8);
            return (ReadTag(_scratch, _bigEndian), ReadUInt32(_scratch.AsSpan(4), _bigEndian));
        }

        private (uint Tag, string? Vr, uint Length) ReadHeader(bool bigEndian, bool implicitVr)
        {
            Read(8);
            var tag = ReadTag(_scratch, bigEndian);

            // Item and delimitation tags carry no VR in any transfer syntax.
            if (implicitVr || (tag >> 16) == 0xFFFE)
            {
                return (tag, null, ReadUInt32(_scratch.AsSpan(4), bigEndian));
            }

            var vr = Encoding.ASCII.GetString(_scratch, 4, 2);
            if (LongVrs.Contains(vr))
            {
                Read(4);
                return (tag, vr, ReadUInt32(_scratch, bigEndian));
            }

            if (!ShortVrs.Contains(vr))
            {
                throw Corrupt($"invalid VR at offset {stream.Position - 8}");
            }

            var length = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_scratch.AsSpan(6)) : BinaryPrimitives.ReadUInt16LittleEndian(_scratch.AsSpan(6));
            return (tag, vr, length);
        }

        // PS3.5 Table 6.2-1: binary VRs hold whole values of these sizes.
        private static int ValueSize(string vr) => vr switch
        {
            "US" or "SS" or "OW" => 2,
            "UL" or "SL" or "FL" or "AT" or "OF" or "OL" => 4,
            "FD" or "OD" or "SV" or "UV" or "OV" => 8,
            _ => 1,
        };

        private static uint ReadTag(ReadOnlySpan<byte> bytes, bool bigEndian)
        {
            var group = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes) : BinaryPrimitives.ReadUInt16LittleEndian(bytes);
            var element = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]) : BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
            return ((uint)group << 16) | element;
        }

        private static uint ReadUInt32(ReadOnlySpan<byte> bytes, bool bigEndian) =>
            bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);

        private void EnsureAvailable(uint length, uint tag)
        {
            if (stream.Position + length > stream.Length)
            {
                throw Corrupt($"({tag >> 16:X4},{tag & 0xFFFF:X4}) declares {length} bytes but the file ends {stream.Length - stream.Position} bytes later (truncated)");
            }
        }

        private void Read(int count)
        {
            if (stream.Position + count > stream.Length)
            {
                throw Corrupt($"the file ends inside an element header at offset {stream.Position} (truncated)");
            }

            stream.ReadExactly(_scratch, 0, count);
        }

        private CorruptInstanceException Corrupt(string reason) => new($"{name}: {reason}.");
    }
}
