namespace RapAnalyzer.Catalog.Domain;

public sealed class Track
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public required string Title { get; set; }
    public string? Album { get; set; }
    public DateOnly? ReleaseDate { get; set; }
    public int? Year { get; set; }
    public required string Lyrics { get; set; }
    public required string Source { get; init; }
    public required string SourceId { get; init; }
    public required string ContentHash { get; init; }
    public string? Language { get; set; }
    public long? Views { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset StoredAt { get; init; } = DateTimeOffset.UtcNow;
    public TextFeatures? Features { get; set; }
    public SpotifyTrack? Spotify { get; set; }
    public List<TrackEmbedding> Embeddings { get; } = [];
    public List<Analysis> Analyses { get; } = [];
    public List<QualityScore> QualityScores { get; } = [];
}
