using System.IO.Compression;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Decoding;

/// <summary>
/// PS3.5 A.5 Deflated Explicit VR Little Endian: the data set after the meta group is raw deflate. Inflated here, never
/// past a limit (a small file can declare a huge data set), so it can be walked like any other.
/// </summary>
internal static class DeflatedDataSet
{
    /// <param name="deflated">Positioned at the first byte after the meta group; left open.</param>
    /// <exception cref="CorruptInstanceException">Not valid deflate data, or it inflates past <paramref name="maxBytes"/>.</exception>
    public static MemoryStream Inflate(Stream deflated, long maxBytes, string name)
    {
        var inflated = new MemoryStream();
        try
        {
            using var deflate = new DeflateStream(deflated, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[81920];
            int read;
            while ((read = deflate.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (inflated.Length + read > maxBytes)
                {
                    throw new CorruptInstanceException($"{name}: the deflated data set inflates past {maxBytes} bytes (Imaging:Decoding:MaxInflatedBytes).");
                }

                inflated.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            inflated.Dispose();
            throw new CorruptInstanceException($"{name}: the deflated data set is not valid deflate data ({ex.GetType().Name}).", ex);
        }
        catch (CorruptInstanceException)
        {
            inflated.Dispose();
            throw;
        }

        inflated.Position = 0;
        return inflated;
    }
}
