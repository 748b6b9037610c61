using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Tracks of one artist, each its own song, as a scraper publishes them.</summary>
public static class ScrapedBatch
{
    public static List<TrackScraped> Of(string artist, int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TrackScraped("test", $"{artist}-{i}", $"Song {i}", artist, $"Verse number {i} of {artist}", Year: 2010))];

    /// <summary>How many transactions inserted the artist's tracks: a row's xmin is the transaction that wrote it.</summary>
    public static Task<long> TransactionsStoringAsync(string artist) => CatalogDatabase.ScalarAsync<long>(
        """SELECT count(DISTINCT t.xmin::text) FROM catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId" WHERE a."Name" = $1""",
        artist);
}
