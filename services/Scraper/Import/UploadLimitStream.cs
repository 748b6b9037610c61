namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// A request body read up to a number of bytes: past them, reading throws <see cref="UploadTooLargeException"/>, which the
/// API answers with its own 413 (with Kestrel's limit, Kestrel answers for it with an empty body, whatever the API says).
/// </summary>
public sealed class UploadLimitStream(Stream body, long maxBytes) : Stream
{
    private long _read;
    private bool _past;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfPast();
        return Count(body.Read(buffer, offset, count));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfPast();
        return Count(await body.ReadAsync(buffer, cancellationToken));
    }

    /// <summary>The bytes up to the limit count as read, so the rows before it are imported; the read after throws.</summary>
    private int Count(int read)
    {
        var allowed = (int)Math.Min(read, maxBytes - _read);
        _read += allowed;
        _past = read > allowed;
        if (allowed == 0)
        {
            ThrowIfPast();
        }
        return allowed;
    }

    private void ThrowIfPast()
    {
        if (_past)
        {
            throw new UploadTooLargeException(maxBytes);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
