using System.Text;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>
/// Streams the first body part of a multipart/related response (RFC 2046 5.1, PS3.18 8.6.1.2) to a
/// destination without buffering it: only a window the size of the buffer plus the delimiter is
/// held in memory, so a large instance never sits whole in memory.
/// </summary>
internal static class MultipartRelatedReader
{
    private const int BufferSize = 81920;
    private const int MaxHeaderBytes = 16 * 1024;

    /// <returns>The number of body bytes written.</returns>
    public static async Task<long> CopyFirstPartAsync(Stream body, string boundary, Stream destination, long maxBytes, CancellationToken ct)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var window = new Window(body, BufferSize + delimiter.Length + 4);

        // Preamble, then the first delimiter line.
        var start = await window.FindAsync(delimiter, MaxHeaderBytes, ct);
        if (start < 0)
        {
            throw new CorruptInstanceException("The WADO-RS response has no multipart boundary; it is not multipart/related.");
        }

        window.Consume(start + delimiter.Length);
        var headersEnd = await window.FindAsync("\r\n\r\n"u8.ToArray(), MaxHeaderBytes, ct);
        if (headersEnd < 0)
        {
            throw new CorruptInstanceException("The WADO-RS response's first part has no complete header block.");
        }

        var headers = window.Text(headersEnd);
        window.Consume(headersEnd + 4);
        var contentType = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase));
        if (contentType is not null && !contentType.Contains("application/dicom", StringComparison.OrdinalIgnoreCase))
        {
            throw new CorruptInstanceException("The WADO-RS response's first part is not application/dicom.");
        }

        // The part ends at CRLF + delimiter (RFC 2046: the CRLF belongs to the delimiter).
        var closing = Encoding.ASCII.GetBytes("\r\n--" + boundary);
        long written = 0;
        while (true)
        {
            var found = window.IndexOf(closing);
            var safe = found >= 0 ? found : window.Count - (closing.Length - 1);
            if (safe > 0)
            {
                written += safe;
                if (written > maxBytes)
                {
                    throw new InstanceTooLargeException(maxBytes);
                }

                await destination.WriteAsync(window.Memory(safe), ct);
                window.Consume(safe);
            }

            if (found >= 0)
            {
                return written;
            }

            if (!await window.FillAsync(ct))
            {
                throw new CorruptInstanceException("The WADO-RS response ended before the part's closing boundary (truncated transfer).");
            }
        }
    }

    /// <summary>A sliding window over the response stream.</summary>
    private sealed class Window(Stream source, int capacity)
    {
        private readonly byte[] _buffer = new byte[capacity];
        private int _offset;
        private bool _ended;

        public int Count { get; private set; }

        public ReadOnlyMemory<byte> Memory(int length) => _buffer.AsMemory(_offset, length);

        public string Text(int length) => Encoding.ASCII.GetString(_buffer, _offset, length);

        public void Consume(int length)
        {
            _offset += length;
            Count -= length;
        }

        public int IndexOf(byte[] pattern) => _buffer.AsSpan(_offset, Count).IndexOf(pattern);

        /// <summary>Reads until the pattern is in the window or <paramref name="limit"/> bytes were searched.</summary>
        public async Task<int> FindAsync(byte[] pattern, int limit, CancellationToken ct)
        {
            while (true)
            {
                var index = IndexOf(pattern);
                if (index >= 0)
                {
                    return index;
                }

                if (Count > limit || !await FillAsync(ct))
                {
                    return -1;
                }
            }
        }

        public async Task<bool> FillAsync(CancellationToken ct)
        {
            if (_ended)
            {
                return false;
            }

            if (_offset > 0)
            {
                Buffer.BlockCopy(_buffer, _offset, _buffer, 0, Count);
                _offset = 0;
            }

            if (Count == _buffer.Length)
            {
                // Only reachable while searching headers longer than the buffer; callers bound that.
                return false;
            }

            var read = await source.ReadAsync(_buffer.AsMemory(Count, _buffer.Length - Count), ct);
            if (read == 0)
            {
                _ended = true;
                return false;
            }

            Count += read;
            return true;
        }
    }
}
