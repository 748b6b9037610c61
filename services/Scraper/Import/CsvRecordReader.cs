using System.Globalization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// An RFC 4180 record reader over the bytes of a stream: quoted fields may hold commas, doubled quotes and line breaks
/// (lyrics always do), and every field is decoded as strict UTF-8. It keeps only the current record in memory and knows
/// the line each record starts on.
/// A quoted field that is not closed (the file ends inside it, it runs past what any valid record holds, or the quote
/// that ends it is followed by more text after a line break, as a stray quote's is) is unterminated: the record is
/// reported so, and reading restarts on the line after the one it started on, so a stray quote costs its own record and
/// not the ones it would swallow.
/// </summary>
public sealed class CsvRecordReader(Stream stream)
{
    /// <summary>The longest field (lyrics) at three UTF-8 bytes a character, and room for the short ones.</summary>
    public const int MaxRecordBytes = 3 * TrackLimits.MaxLyricsLength + 64 * 1024;

    private readonly RecordBuffer _buffer = new(stream);
    private readonly List<(int Start, int End, bool Quoted)> _fields = [];
    private long _line = 1;
    private bool _skippingLine;

    // The record being scanned, resumed when more bytes arrive; positions are relative to its start.
    private int _position;
    private int _fieldStart;
    private bool _inQuotes;
    private bool _quoted;
    private int _newlines;
    private int _newlinesBeforeQuote;
    private string? _error;

    private enum Step
    {
        NeedMore,
        Record,
        Unterminated,
        TooLong,
    }

    /// <summary>Reads the next record, or returns null at the end of the stream.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_skippingLine && !SkipLine())
            {
                if (!await _buffer.FillAsync(cancellationToken))
                {
                    return null;
                }
                continue;
            }
            if (_buffer.Pending.IsEmpty && _buffer.Ended)
            {
                return null;
            }
            var (step, detail) = Scan(_buffer.Pending, _buffer.Ended);
            switch (step)
            {
                case Step.NeedMore:
                    await _buffer.FillAsync(cancellationToken);
                    continue;
                case Step.Record:
                    return _position > MaxRecordBytes ? TakeTooLong() : TakeRecord();
                case Step.Unterminated:
                    return TakeUnterminated(detail!);
                default:
                    return TakeTooLong();
            }
        }
    }

    private (Step, string?) Scan(ReadOnlySpan<byte> bytes, bool ended)
    {
        while (true)
        {
            if (_position > MaxRecordBytes)
            {
                return _inQuotes ? (Step.Unterminated, $"it runs past {MaxRecordBytes} bytes") : (Step.TooLong, null);
            }
            if (_inQuotes)
            {
                var next = bytes[_position..].IndexOfAny((byte)'"', (byte)'\n');
                if (next < 0)
                {
                    _position = bytes.Length;
                    return ended ? (Step.Unterminated, "the file ends inside it") : (Step.NeedMore, null);
                }
                _position += next;
                if (bytes[_position] == '\n')
                {
                    _position++;
                    _newlines++;
                    if (_newlines - _newlinesBeforeQuote > TrackLimits.MaxLyricsLines)
                    {
                        return (Step.Unterminated, $"it runs past {TrackLimits.MaxLyricsLines} lines");
                    }
                    continue;
                }
                if (!ended && bytes.Length - _position < 3)
                {
                    // Whether the quote is doubled, or what follows it, is in bytes not read yet.
                    return (Step.NeedMore, null);
                }
                var after = At(bytes, _position + 1);
                if (after == '"')
                {
                    _position += 2;
                    continue;
                }
                _inQuotes = false;
                _position++;
                if (after is -1 or ',' or '\n' || (after == '\r' && At(bytes, _position + 1) == '\n'))
                {
                    _quoted = true;
                    continue;
                }
                if (_newlines > _newlinesBeforeQuote)
                {
                    return (Step.Unterminated, $"the quote on line {_line + _newlines} that would close it is followed by {Describe(after)}");
                }
                // The rest of the field is read as unquoted text; the record is rejected anyway.
                _error ??= $"{Describe(after)} follows the closing quote of field {_fields.Count + 1}";
                continue;
            }

            if (_position == _fieldStart && _position < bytes.Length && bytes[_position] == '"')
            {
                _inQuotes = true;
                _newlinesBeforeQuote = _newlines;
                _position++;
                continue;
            }
            var end = bytes[_position..].IndexOfAny((byte)',', (byte)'\n');
            if (end < 0)
            {
                _position = bytes.Length;
                if (!ended)
                {
                    return (Step.NeedMore, null);
                }
                EndField(bytes.Length);
                return (Step.Record, null);
            }
            _position += end;
            if (bytes[_position] == ',')
            {
                EndField(_position);
                _position++;
                _fieldStart = _position;
                continue;
            }
            EndField(_position > _fieldStart && bytes[_position - 1] == '\r' ? _position - 1 : _position);
            _position++;
            _newlines++;
            return (Step.Record, null);
        }
    }

    private static int At(ReadOnlySpan<byte> bytes, int index) => index < bytes.Length ? bytes[index] : -1;

    private static string Describe(int b) =>
        b is > 0x20 and < 0x7F ? $"'{(char)b}'" : string.Create(CultureInfo.InvariantCulture, $"byte 0x{b:X2}");

    private void EndField(int end)
    {
        _fields.Add((_fieldStart, end, _quoted));
        _quoted = false;
    }

    private CsvRecord TakeRecord()
    {
        var bytes = _buffer.Pending[.._position];
        var fields = new string[_fields.Count];
        (int, string)? invalid = null;
        for (var i = 0; i < fields.Length; i++)
        {
            var (start, end, quoted) = _fields[i];
            var field = quoted ? bytes[(start + 1)..(end - 1)] : bytes[start..end];
            if (Utf8Text.TryDecode(field, out var text))
            {
                fields[i] = quoted ? text.Replace("\"\"", "\"") : text;
            }
            else
            {
                fields[i] = "";
                invalid ??= (i, Utf8Text.Invalid(field));
            }
        }
        var record = new CsvRecord(_line, _line + _newlines, fields, _error, invalid);
        _line += _newlines;
        _buffer.Consume(_position);
        Reset();
        return record;
    }

    /// <summary>Reports the record and goes back to the line after the one it started on.</summary>
    private CsvRecord TakeUnterminated(string detail)
    {
        var record = new CsvRecord(_line, _line + 1, [], $"unterminated quoted field starting at line {_line + _newlinesBeforeQuote} ({detail})");
        var lineEnd = _buffer.Pending.IndexOf((byte)'\n');
        _buffer.Consume(lineEnd < 0 ? _buffer.Pending.Length : lineEnd + 1);
        _skippingLine = lineEnd < 0;
        _line++;
        Reset();
        return record;
    }

    /// <summary>Reports the record and drops it up to the end of the line it is on, as far as that is read.</summary>
    private CsvRecord TakeTooLong()
    {
        var pending = _buffer.Pending;
        var from = Math.Max(_position - 1, 0);
        var lineEnd = pending[from..].IndexOf((byte)'\n');
        var consumed = lineEnd < 0 ? pending.Length : from + lineEnd + 1;
        var nextLine = _line + pending[..consumed].Count((byte)'\n') + (lineEnd < 0 ? 1 : 0);
        var record = new CsvRecord(_line, nextLine, [], $"the record runs past {MaxRecordBytes} bytes");
        _line = nextLine;
        _buffer.Consume(consumed);
        _skippingLine = lineEnd < 0;
        Reset();
        return record;
    }

    /// <summary>Drops bytes up to the next line break; false while it is not read yet.</summary>
    private bool SkipLine()
    {
        var lineEnd = _buffer.Pending.IndexOf((byte)'\n');
        _buffer.Consume(lineEnd < 0 ? _buffer.Pending.Length : lineEnd + 1);
        _skippingLine = lineEnd < 0;
        return !_skippingLine;
    }

    private void Reset()
    {
        _fields.Clear();
        (_position, _fieldStart, _newlines, _newlinesBeforeQuote) = (0, 0, 0, 0);
        (_inQuotes, _quoted, _error) = (false, false, null);
    }
}

/// <summary>
/// One CSV record: the line it starts on and the one the next record starts on, its fields, and what is wrong with it, if
/// anything: <see cref="Error"/> for the record as a whole (then it may have no fields), or a field whose bytes are not UTF-8.
/// </summary>
public sealed record CsvRecord(long Line, long NextLine, IReadOnlyList<string> Fields, string? Error = null,
    (int Index, string Reason)? InvalidField = null);
