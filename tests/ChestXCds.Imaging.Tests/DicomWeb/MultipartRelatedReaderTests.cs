using System.Text;
using ChestXCds.Imaging.DicomWeb;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.Tests.DicomWeb;

public sealed class MultipartRelatedReaderTests
{
    private const string Boundary = "b0undary-42";

    private static byte[] Multipart(params byte[][] parts)
    {
        var stream = new MemoryStream();
        void Write(string text) => stream.Write(Encoding.ASCII.GetBytes(text));
        Write("preamble to ignore\r\n");
        foreach (var part in parts)
        {
            Write($"--{Boundary}\r\nContent-Type: application/dicom\r\n\r\n");
            stream.Write(part);
            Write("\r\n");
        }

        Write($"--{Boundary}--\r\n");
        return stream.ToArray();
    }

    private static byte[] Payload(int length)
    {
        // Includes CR, LF and '-' bytes so that partial delimiter matches occur inside the body.
        var random = new Random(7);
        var bytes = new byte[length];
        random.NextBytes(bytes);
        for (var i = 0; i + 15 <= length; i += 997)
        {
            "\r\n--b0undary-4"u8.CopyTo(bytes.AsSpan(i));
            bytes[i + 14] = (byte)'x';
        }

        return bytes;
    }

    // REQ-IMG-03: streaming parse, whatever the read sizes.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 3)]
    [InlineData(300_000, 1)]
    [InlineData(300_000, 7919)]
    [InlineData(300_000, 100_000)]
    public async Task GivenMultipartBody_WhenReadInChunks_ThenTheFirstPartIsCopiedExactly(int size, int chunk)
    {
        var payload = Payload(size);
        var body = new ChunkedStream(Multipart(payload, Payload(50)), chunk);
        var destination = new MemoryStream();

        var written = await MultipartRelatedReader.CopyFirstPartAsync(body, Boundary, destination, long.MaxValue, CancellationToken.None);

        Assert.Equal(size, written);
        Assert.Equal(payload, destination.ToArray());
    }

    [Fact]
    public async Task GivenBodyWithoutClosingBoundary_WhenRead_ThenCorruptInstance()
    {
        var full = Multipart(Payload(5000));
        var truncated = full[..3000];

        await Assert.ThrowsAsync<CorruptInstanceException>(() =>
            MultipartRelatedReader.CopyFirstPartAsync(new MemoryStream(truncated), Boundary, new MemoryStream(), long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task GivenBodyWithoutAnyBoundary_WhenRead_ThenCorruptInstance()
    {
        await Assert.ThrowsAsync<CorruptInstanceException>(() =>
            MultipartRelatedReader.CopyFirstPartAsync(new MemoryStream(new byte[40_000]), Boundary, new MemoryStream(), long.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task GivenPartLargerThanTheLimit_WhenRead_ThenInstanceTooLarge()
    {
        await Assert.ThrowsAsync<InstanceTooLargeException>(() =>
            MultipartRelatedReader.CopyFirstPartAsync(new MemoryStream(Multipart(Payload(200_000))), Boundary, new MemoryStream(), 100_000, CancellationToken.None));
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a network stream may.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
