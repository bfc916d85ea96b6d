namespace PamOperator.Providers.Http;

/// <summary>
/// A read-only view of an answer body that fails with <see cref="TransportFailures.BodyTooLarge"/> as soon as more
/// than the limit has been read: a huge or endless body costs at most the limit in bytes read, never more memory.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string where) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Allowed(count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Asks for at most one byte past the limit, so that an over-long body is detected without reading on.</summary>
    private int Allowed(int wanted) => (int)Math.Max(1, Math.Min(wanted, limit - _read + 1));

    private int Count(int n)
    {
        _read += n;
        return _read > limit ? throw TransportFailures.BodyTooLarge(where, limit) : n;
    }
}
