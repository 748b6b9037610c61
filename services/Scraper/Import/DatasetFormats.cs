namespace RapAnalyzer.Scraper.Import;

public static class DatasetFormats
{
    public const string JsonlContentType = "application/x-ndjson";

    public static bool IsJsonl(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith(JsonlContentType, StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));
}
