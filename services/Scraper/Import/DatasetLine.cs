namespace RapAnalyzer.Scraper.Import;

/// <summary>A row read from a dataset file, or why its line could not be read.</summary>
public sealed record DatasetLine(long LineNumber, DatasetRow? Row, string? Error);
