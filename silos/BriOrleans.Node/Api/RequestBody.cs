using System.Buffers;

namespace BriOrleans.Node.Api;

/// <summary>
/// A request body read into a buffer from the shared pool, read no further than one byte past a limit (so that
/// admission refuses it without the rest). Disposing it returns the buffer: nothing may keep <see cref="Bytes"/> after.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private RequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlyMemory<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(RequestBody))).AsMemory(0, _length);

    public static async Task<RequestBody> ReadAsync(HttpRequest request, int limit)
    {
        // A declared length sizes the buffer once (up to 1 MiB, so a claim alone cannot take more memory than that);
        // it grows, doubling, only for a body longer than that.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, Math.Min(limit + 1L, 1 << 20)));
        var length = 0;
        try
        {
            while (length <= limit)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(2L * buffer.Length, limit + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length));
                if (read == 0)
                    break;
                length += read;
                // Kestrel ends a body at its declared length: no read for the end is needed.
                if (length == request.ContentLength)
                    break;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return new RequestBody(buffer, length);
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
