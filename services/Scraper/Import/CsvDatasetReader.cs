using System.Runtime.CompilerServices;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Reads the public Genius lyrics dataset's CSV (title, tag, artist, year, views, features, lyrics, id and language
/// columns, in any order, found by the header) as dataset rows; a malformed record is reported with the line it starts
/// on and reading goes on. After a record with broken quotes (a stray quote) reading goes on at the next record that
/// parses (the right number of fields), so the lines it threw out of step are reported with it, once.
/// </summary>
public static class CsvDatasetReader
{
    public static async IAsyncEnumerable<DatasetLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var records = new CsvRecordReader(stream);
        var header = await records.ReadAsync(cancellationToken);
        if (header is null)
        {
            yield break;
        }
        if ((header.Error ?? header.InvalidField?.Reason) is { } unreadable)
        {
            throw new UnreadableHeaderException($"the header cannot be read: {unreadable}");
        }
        var columns = CsvColumns.From(header.Fields);
        if (columns.Missing is { } missing)
        {
            throw new UnreadableHeaderException($"the header has no '{missing}' column");
        }
        if (columns.Repeated is { } repeated)
        {
            throw new UnreadableHeaderException($"the header names the '{repeated}' column twice");
        }

        // A record whose quotes are broken is reported once the next record that parses is found: the lines between are
        // the ones it threw out of step, not records of their own.
        DatasetLine? outOfStep = null;
        long expectedNext = 0, reached = 0;
        while (await records.ReadAsync(cancellationToken) is { } record)
        {
            if (record.Fields is [""])
            {
                expectedNext = record.Line == expectedNext ? record.NextLine : expectedNext;
                continue;
            }
            var parses = record.Error is null && record.Fields.Count == columns.Count;
            if (outOfStep is not null)
            {
                if (!parses)
                {
                    reached = record.NextLine;
                    continue;
                }
                yield return record.Line > expectedNext ? Resumed(outOfStep, $"reading resumed at line {record.Line}") : outOfStep;
                outOfStep = null;
            }
            if (record.Error is not null)
            {
                outOfStep = Rejected(record.Line, record.Error);
                (expectedNext, reached) = (record.NextLine, record.NextLine);
            }
            else if (!parses)
            {
                yield return Rejected(record.Line, $"the record has {record.Fields.Count} fields, the header {columns.Count}");
            }
            else if (record.InvalidField is { } invalid)
            {
                yield return new DatasetLine(record.Line, null, new Rejection(columns.Name(invalid.Index), invalid.Reason));
            }
            else
            {
                yield return new DatasetLine(record.Line, columns.ToRow(record.Fields), null);
            }
        }
        if (outOfStep is not null)
        {
            yield return reached > expectedNext ? Resumed(outOfStep, "no record after it parsed") : outOfStep;
        }
    }

    private static DatasetLine Resumed(DatasetLine malformed, string how) =>
        malformed with { Error = malformed.Error! with { Reason = $"{malformed.Error.Reason}; {how}" } };

    private static DatasetLine Rejected(long line, string reason) => new(line, null, new Rejection(null, reason));
}
