namespace RapAnalyzer.Catalog.Search;

/// <summary>A track's lyric line nearest a query, and its similarity: the share of their vectors' signs that agree.</summary>
public readonly record struct NearestLine(Guid TrackId, string Text, double Score);
