using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Unicode;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Reads a JSONL dataset line by line over the stream's bytes, so a file of any size is read in little memory; a line
/// longer than any valid row is reported and skipped without being held.
/// </summary>
public static class JsonlDatasetReader
{
    /// <summary>The longest lyrics written as JSON <c>\u</c> escapes (six bytes a character), and room for the other fields.</summary>
    public const int MaxLineBytes = 6 * TrackLimits.MaxLyricsLength + 64 * 1024;

    public static async IAsyncEnumerable<DatasetLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new RecordBuffer(stream);
        long lineNumber = 0;
        var skipping = false;
        while (true)
        {
            var end = buffer.Pending.IndexOf((byte)'\n');
            if (end < 0 && !buffer.Ended && buffer.Pending.Length <= MaxLineBytes)
            {
                await buffer.FillAsync(cancellationToken);
                continue;
            }
            if (end < 0 && buffer.Pending.IsEmpty)
            {
                yield break;
            }
            var length = end < 0 ? buffer.Pending.Length : end;
            DatasetLine? line = null;
            if (!skipping)
            {
                lineNumber++;
                line = length > MaxLineBytes
                    ? new DatasetLine(lineNumber, null, new Rejection(null, $"the line runs past {MaxLineBytes} bytes"))
                    : Parse(lineNumber, buffer.Pending[..length]);
            }
            buffer.Consume(end < 0 ? length : end + 1);
            // A line too long to hold is dropped as it arrives, up to its end.
            skipping = end < 0 && !buffer.Ended;
            if (line is not null)
            {
                yield return line;
            }
        }
    }

    private const string NotAnObject = "the line is not a JSON object";

    // Valid JSON of another kind ([1,2], 42, "text"), told from text that is no JSON at all.
    private static bool IsOtherJsonValue(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            return document.RootElement.ValueKind != JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The row on the line, why it cannot be read, or null for a blank line.</summary>
    private static DatasetLine? Parse(long lineNumber, ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<DatasetRow>(line, JsonSerializerOptions.Web) is { } row
                ? new DatasetLine(lineNumber, row, null)
                : new DatasetLine(lineNumber, null, new Rejection(null, NotAnObject));
        }
        catch (JsonException e)
        {
            var field = e.Path is ['$', '.', .. var name] ? name : null;
            // The serializer's own words for a value of another type name .NET types (DatasetRow, System.String).
            var reason = !Utf8.IsValid(line) ? Utf8Text.Invalid(line)
                : e.Path == "$" && IsOtherJsonValue(line) ? NotAnObject
                : field is not null && (e.InnerException is InvalidOperationException
                    || e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)) ? $"invalid JSON: {field} must be a string"
                : $"invalid JSON: {e.Message}";
            return new DatasetLine(lineNumber, null, new Rejection(field, reason));
        }
    }
}
