using Pgvector;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>A stored track revised by its source keeps its id and loses what was computed from its old lyrics.</summary>
public class TrackTests
{
    private static readonly Artist Nas = new() { Name = "Nas", NormalizedName = "nas" };
    private static readonly TrackScraped First = new("genius", "42", "N.Y. State of Mind", "Nas", "old lyrics", Year: 1994, Views: 10);

    private static Track Enriched()
    {
        var track = Track.From(First, Nas, LyricsHash.Compute(First.Lyrics));
        track.Features = new TextFeatures { TrackId = track.Id, Values = new TrackFeatures(2, 1, 4, 4, 1, 8, 4, 0, 2, "AA", 1, 90) };
        track.Spotify = new SpotifyTrack { TrackId = track.Id, SpotifyId = "sp", Album = "Illmatic" };
        track.Embeddings.Add(new TrackEmbedding { TrackId = track.Id, ModelId = EmbeddingModels.UseLite, Vector = new Vector(new float[] { 1f }) });
        track.Analyses.Add(new Analysis { TrackId = track.Id, Analyzer = "embedded", ModelVersion = "1", ResultJson = "{}" });
        track.QualityScores.Add(new QualityScore { TrackId = track.Id, ModelVersion = "q1", Score = 9 });
        return track;
    }

    [Test]
    public void A_new_track_takes_what_its_source_gave()
    {
        var track = Track.From(First with { Title = "  N.Y. State of Mind " }, Nas, "hash");

        Assert.Multiple(() =>
        {
            Assert.That(track.Title, Is.EqualTo("N.Y. State of Mind"));
            Assert.That((track.Source, track.SourceId, track.Lyrics, track.ContentHash), Is.EqualTo(("genius", "42", "old lyrics", "hash")));
            Assert.That(track.Artist, Is.SameAs(Nas));
            Assert.That((track.Year, track.Views), Is.EqualTo(((int?)1994, (long?)10)));
        });
    }

    [Test]
    public void A_track_without_a_year_takes_its_release_dates()
    {
        var track = Track.From(First with { Year = null, ReleaseDate = new DateOnly(1994, 4, 19) }, Nas, "hash");

        Assert.That(track.Year, Is.EqualTo(1994));
    }

    [Test]
    public void A_revision_replaces_the_lyrics_keeps_the_id_and_drops_what_the_old_lyrics_gave()
    {
        var track = Enriched();
        var id = track.Id;

        track.Revise(First with { Lyrics = "new lyrics", Views = 99 }, Nas, "new-hash");

        Assert.Multiple(() =>
        {
            Assert.That(track.Id, Is.EqualTo(id));
            Assert.That((track.Lyrics, track.ContentHash, track.Views), Is.EqualTo(("new lyrics", "new-hash", (long?)99)));
            Assert.That(track.Features, Is.Null);
            Assert.That(track.Embeddings, Is.Empty);
            Assert.That(track.Analyses, Is.Empty);
            Assert.That(track.QualityScores, Is.Empty);
            Assert.That(track.Spotify, Is.Not.Null, "Spotify's match was found by the title and artist, which are the same");
        });
    }

    [Test]
    public void A_revision_with_another_title_or_artist_drops_the_spotify_match_found_by_them()
    {
        var retitled = Enriched();
        var reattributed = Enriched();

        retitled.Revise(First with { Title = "Another Title" }, Nas, "h1");
        reattributed.Revise(First, new Artist { Name = "Nas & AZ", NormalizedName = "nas & az" }, "h2");

        Assert.Multiple(() =>
        {
            Assert.That(retitled.Spotify, Is.Null);
            Assert.That(reattributed.Spotify, Is.Null);
            Assert.That(reattributed.Artist!.Name, Is.EqualTo("Nas & AZ"));
        });
    }
}
