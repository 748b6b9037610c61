namespace RapAnalyzer.Catalog.Domain;

/// <summary>What Spotify knows of a track, when enrichment found it there.</summary>
public sealed class SpotifyTrack
{
    public Guid TrackId { get; init; }
    public required string SpotifyId { get; set; }
    public int Popularity { get; set; }
    public required string Album { get; set; }
    public string? ReleaseDate { get; set; }
    public int DurationMs { get; set; }
    public bool Explicit { get; set; }

    public void Apply(RapAnalyzer.Contracts.SpotifyMetadata metadata)
    {
        SpotifyId = metadata.SpotifyId;
        Popularity = metadata.Popularity;
        Album = metadata.Album;
        ReleaseDate = metadata.ReleaseDate;
        DurationMs = metadata.DurationMs;
        Explicit = metadata.Explicit;
    }
}
