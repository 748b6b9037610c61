namespace RapAnalyzer.Contracts;

/// <summary>
/// The catalog asks enrichment to compute a stored track's text features again, as <see cref="FeaturesVersion.Current"/>
/// computes them (embeddings and Spotify metadata do not change with it).
/// </summary>
public sealed record TrackFeaturesRequested(Guid TrackId, string Artist, string Lyrics, string ContentHash);
