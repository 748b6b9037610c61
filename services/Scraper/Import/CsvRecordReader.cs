namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// An RFC 4180 record reader over a text stream: quoted fields may hold commas, doubled quotes and line breaks
/// (lyrics always do). It keeps only the current record in memory, and knows the line each record starts on.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private long _line = 1;

    /// <summary>Reads the next record, or returns null at the end of the stream.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await EnsureDataAsync(cancellationToken))
        {
            return null;
        }

        var startLine = _line;
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        string? error = null;
        var quoted = false;
        var afterClosingQuote = false;
        var fieldStart = true;

        while (await EnsureDataAsync(cancellationToken))
        {
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (!await EnsureDataAsync(cancellationToken) || _buffer[_position] != '"')
                    {
                        quoted = false;
                        afterClosingQuote = true;
                        continue;
                    }
                    _position++;
                    field.Append('"');
                    continue;
                }
                if (c == '\n')
                {
                    _line++;
                }
                field.Append(c);
                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStart = true;
                    afterClosingQuote = false;
                    continue;
                case '\r':
                    continue;
                case '\n':
                    _line++;
                    fields.Add(field.ToString());
                    return new CsvRecord(startLine, fields, error);
                case '"' when fieldStart:
                    quoted = true;
                    fieldStart = false;
                    continue;
            }

            if (afterClosingQuote && error is null)
            {
                error = $"unexpected '{c}' after a closing quote";
            }
            fieldStart = false;
            field.Append(c);
        }

        if (quoted)
        {
            error ??= "a quoted field is not closed before the end of the file";
        }
        fields.Add(field.ToString());
        return new CsvRecord(startLine, fields, error);
    }

    private async ValueTask<bool> EnsureDataAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
        {
            return true;
        }
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }
}

/// <summary>One CSV record: the line it starts on, its fields, and what is wrong with it, if anything.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string? Error);
