namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// A CSV whose header cannot be read, lacks a required column or names one twice: no row of it can be read, so the
/// dataset is refused whole (a 400 for an upload) rather than counted as one rejected row.
/// </summary>
public sealed class UnreadableHeaderException(string reason) : Exception(reason);
