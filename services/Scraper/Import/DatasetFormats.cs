namespace RapAnalyzer.Scraper.Import;

public enum DatasetFormat
{
    Jsonl,
    Csv,
}

public static class DatasetFormats
{
    public const string JsonlContentType = "application/x-ndjson";
    public const string CsvContentType = "text/csv";

    public static DatasetFormat? FromContentType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        JsonlContentType or "application/jsonl" => DatasetFormat.Jsonl,
        CsvContentType or "application/csv" => DatasetFormat.Csv,
        _ => null,
    };

    /// <summary>From a format name ("csv", "jsonl") or, when that is empty, from the file's extension.</summary>
    public static DatasetFormat? FromName(string? name, string path) =>
        (string.IsNullOrWhiteSpace(name) ? Path.GetExtension(path).TrimStart('.') : name).ToLowerInvariant() switch
        {
            "jsonl" or "ndjson" => DatasetFormat.Jsonl,
            "csv" => DatasetFormat.Csv,
            _ => null,
        };

    public static IAsyncEnumerable<DatasetLine> Read(DatasetFormat format, Stream stream, CancellationToken cancellationToken) =>
        format == DatasetFormat.Csv
            ? CsvDatasetReader.ReadAsync(stream, cancellationToken)
            : JsonlDatasetReader.ReadAsync(stream, cancellationToken);
}
