namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// The bytes of a stream from the start of the record being read onwards, so a reader parses a record in place and can
/// go back into it; the reader consumes a record when done with it. It holds as much as the longest record the reader
/// lets it keep, never the stream. A UTF-8 byte order mark at the start is skipped.
/// </summary>
public sealed class RecordBuffer(Stream stream)
{
    private const int ReadSize = 64 * 1024;
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private byte[] _bytes = new byte[2 * ReadSize];
    private int _start;
    private int _end;
    private bool _started;

    /// <summary>The bytes read and not consumed yet; none before it is known whether the stream starts with a byte order mark.</summary>
    public ReadOnlySpan<byte> Pending => _started ? _bytes.AsSpan(_start, _end - _start) : default;

    /// <summary>The stream has no more bytes than <see cref="Pending"/>.</summary>
    public bool Ended { get; private set; }

    public void Consume(int count) => _start += count;

    /// <summary>Reads more of the stream after <see cref="Pending"/>; false once it has ended.</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Ended)
        {
            return false;
        }
        if (_bytes.Length - _end < ReadSize)
        {
            var pending = _end - _start;
            var bytes = pending + ReadSize > _bytes.Length ? new byte[Math.Max(2 * _bytes.Length, pending + ReadSize)] : _bytes;
            Array.Copy(_bytes, _start, bytes, 0, pending);
            (_bytes, _start, _end) = (bytes, 0, pending);
        }
        var read = await stream.ReadAsync(_bytes.AsMemory(_end), cancellationToken);
        _end += read;
        if (!_started && (_end - _start >= ByteOrderMark.Length || read == 0))
        {
            if (_bytes.AsSpan(_start, _end - _start).StartsWith(ByteOrderMark))
            {
                _start += ByteOrderMark.Length;
            }
            _started = true;
        }
        Ended = read == 0;
        return !Ended;
    }
}
