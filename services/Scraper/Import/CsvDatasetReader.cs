using System.Runtime.CompilerServices;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Reads the public Genius lyrics dataset's CSV (title, tag, artist, year, views, features, lyrics, id and
/// language columns, in any order, found by the header) as dataset rows; a malformed record is reported with
/// the line it starts on and reading goes on.
/// </summary>
public static class CsvDatasetReader
{
    public static async IAsyncEnumerable<DatasetLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var text = new StreamReader(stream);
        var records = new CsvRecordReader(text);
        var header = await records.ReadAsync(cancellationToken);
        if (header is null)
        {
            yield break;
        }
        var columns = CsvColumns.From(header.Fields);
        if (columns.Missing is { } missing)
        {
            yield return new DatasetLine(header.Line, null, $"the header has no '{missing}' column");
            yield break;
        }

        while (await records.ReadAsync(cancellationToken) is { } record)
        {
            if (record.Fields is [""])
            {
                continue;
            }
            if (record.Error is not null)
            {
                yield return new DatasetLine(record.Line, null, record.Error);
                continue;
            }
            if (record.Fields.Count != columns.Count)
            {
                yield return new DatasetLine(record.Line, null, $"the record has {record.Fields.Count} fields, the header {columns.Count}");
                continue;
            }
            var row = columns.ToRow(record.Fields);
            yield return row.MissingField() is { } field
                ? new DatasetLine(record.Line, null, $"'{field}' is missing")
                : new DatasetLine(record.Line, row, null);
        }
    }
}
