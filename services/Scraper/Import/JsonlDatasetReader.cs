using System.Runtime.CompilerServices;
using System.Text.Json;

namespace RapAnalyzer.Scraper.Import;

/// <summary>Reads a JSONL dataset line by line, so a file of any size is read in constant memory.</summary>
public static class JsonlDatasetReader
{
    public static async IAsyncEnumerable<DatasetLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream);
        long lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return Parse(lineNumber, line);
        }
    }

    private static DatasetLine Parse(long lineNumber, string line)
    {
        try
        {
            var row = JsonSerializer.Deserialize<DatasetRow>(line, JsonSerializerOptions.Web);
            if (row is null)
            {
                return new DatasetLine(lineNumber, null, "the line is not a JSON object");
            }
            return row.MissingField() is { } missing
                ? new DatasetLine(lineNumber, null, $"'{missing}' is missing")
                : new DatasetLine(lineNumber, row, null);
        }
        catch (JsonException e)
        {
            return new DatasetLine(lineNumber, null, $"invalid JSON: {e.Message}");
        }
    }
}
