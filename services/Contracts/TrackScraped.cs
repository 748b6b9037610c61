namespace RapAnalyzer.Contracts;

/// <summary>A track's lyrics and metadata as a source gave them; the catalog stores it once per source id and content.</summary>
public sealed record TrackScraped(
    string Source,
    string SourceId,
    string Title,
    string Artist,
    string Lyrics,
    string? Album = null,
    DateOnly? ReleaseDate = null,
    int? Year = null,
    string? Language = null,
    long? Views = null,
    string? Url = null);
