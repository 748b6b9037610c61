namespace RapAnalyzer.Contracts;

/// <summary>
/// The catalog has stored a track's lyrics: a new track, or a new version of a stored one (the same id, other lyrics and
/// hash). Enrichment computes its features from here, replacing what it computed from the version before.
/// </summary>
public sealed record TrackStored(Guid TrackId, string Title, string Artist, string Lyrics, string ContentHash);
