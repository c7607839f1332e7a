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

    public static void Validate(string path, string name)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        var walker = new Walker(stream, name);
        walker.Run();
    }

    private sealed class Walker(Stream stream, string name)
    {
        private readonly byte[] _scratch = new byte[8];
        private bool _bigEndian;
        private bool _implicit;

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
                // The data set is zlib-deflated and cannot be walked without inflating it.
                return;
            }

            _implicit = transferSyntax == ImplicitVrLittleEndian;
            _bigEndian = transferSyntax == ExplicitVrBigEndian;
            WalkElements(stream.Length, depth: 0, stopAtItemDelimiter: false);
        }

        private string ReadMetaGroup()
        {
            // PS3.10 7.1: group 0002 is always Explicit VR Little Endian.
            string? transferSyntax = null;
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
                if (tag == 0x00020010)
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

            return transferSyntax ?? throw Corrupt("the file meta information has no Transfer Syntax UID (0002,0010)");
        }

        private void WalkElements(long end, int depth, bool stopAtItemDelimiter)
        {
            if (depth > MaxDepth)
            {
                throw Corrupt("sequences nested deeper than " + MaxDepth);
            }

            while (stream.Position < end)
            {
                if (end - stream.Position < 8)
                {
                    throw Corrupt($"{end - stream.Position} stray bytes at offset {stream.Position}");
                }

                var (tag, vr, length) = ReadHeader(_bigEndian, _implicit);
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
                    WalkSequence(depth + 1);
                    (_implicit, _bigEndian) = (wasImplicit, wasBigEndian);
                }
                else if (vr is "SQ" or null)
                {
                    WalkSequence(depth + 1);
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

        private void WalkSequence(int depth)
        {
            while (true)
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
                    WalkElements(stream.Length, depth, stopAtItemDelimiter: true);
                }
                else
                {
                    EnsureAvailable(length, tag);
                    WalkElements(stream.Position + length, depth, stopAtItemDelimiter: false);
                }
            }
        }

        private void WalkFragments()
        {
            // PS3.5 A.4: encapsulated pixel data is a basic offset table item, fragment items, a delimiter.
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
