namespace RapAnalyzer.Contracts;

/// <summary>The catalog has stored a new track; enrichment computes its features from here.</summary>
public sealed record TrackStored(Guid TrackId, string Title, string Artist, string Lyrics, string ContentHash);
