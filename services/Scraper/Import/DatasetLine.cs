using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

/// <summary>A row read from a dataset file, or why the record starting on that line could not be read.</summary>
public sealed record DatasetLine(long LineNumber, DatasetRow? Row, Rejection? Error);
