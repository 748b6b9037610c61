using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// A track on its way to the catalog with the two things the dedup knows a song by: where it comes from (source and the
/// id there) and what it says (the content hash of its lyrics, the catalog's own).
/// </summary>
public sealed record IngestCandidate(TrackScraped Track)
{
    public string SourceKey { get; } = $"{Track.Source}:{Track.SourceId}";

    public string ContentHash { get; } = LyricsHash.Compute(Track.Lyrics);
}
