using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Domain;

public sealed class Track
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ArtistId { get; set; }
    public Artist? Artist { get; set; }
    public string Title { get; private set; } = "";
    public string? Album { get; private set; }
    public DateOnly? ReleaseDate { get; private set; }
    public int? Year { get; private set; }
    public string Lyrics { get; private set; } = "";
    public required string Source { get; init; }
    public required string SourceId { get; init; }
    public string ContentHash { get; private set; } = "";
    public string? Language { get; private set; }
    public long? Views { get; private set; }
    public string? Url { get; private set; }
    public DateTimeOffset StoredAt { get; init; } = DateTimeOffset.UtcNow;
    public TextFeatures? Features { get; set; }
    public SpotifyTrack? Spotify { get; set; }
    public List<TrackEmbedding> Embeddings { get; } = [];
    public List<SectionEmbedding> SectionEmbeddings { get; } = [];
    public List<LineSigns> LineSigns { get; } = [];
    public List<Analysis> Analyses { get; } = [];
    public List<QualityScore> QualityScores { get; } = [];

    /// <summary>A track as its source first gave it.</summary>
    public static Track From(TrackScraped scraped, Artist artist, string contentHash)
    {
        var track = new Track { Source = scraped.Source, SourceId = scraped.SourceId };
        track.Take(scraped, artist, contentHash);
        return track;
    }

    /// <summary>
    /// The source's new version of this track, same id: its lyrics and details replace the stored ones, and what was
    /// computed from the old lyrics (features, embeddings, analyses, quality scores) goes until it is computed again;
    /// Spotify's match goes too when the title or the artist it was found by changed.
    /// </summary>
    public void Revise(TrackScraped scraped, Artist artist, string contentHash)
    {
        if (ArtistId != artist.Id || Title != scraped.Title.Trim())
        {
            Spotify = null;
        }
        Take(scraped, artist, contentHash);
        Features = null;
        Embeddings.Clear();
        SectionEmbeddings.Clear();
        LineSigns.Clear();
        Analyses.Clear();
        QualityScores.Clear();
    }

    private void Take(TrackScraped scraped, Artist artist, string contentHash)
    {
        Artist = artist;
        ArtistId = artist.Id;
        Title = scraped.Title.Trim();
        Album = scraped.Album;
        ReleaseDate = scraped.ReleaseDate;
        Year = scraped.Year ?? scraped.ReleaseDate?.Year;
        Lyrics = scraped.Lyrics;
        ContentHash = contentHash;
        Language = scraped.Language;
        Views = scraped.Views;
        Url = scraped.Url;
    }
}
