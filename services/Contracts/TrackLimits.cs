namespace RapAnalyzer.Contracts;

/// <summary>
/// What a track may hold: the catalog's columns are sized from these and every importer rejects a row
/// that breaks them, so a track accepted at the edge is always storable.
/// </summary>
public static class TrackLimits
{
    public const int MaxTitleLength = 500;
    public const int MaxArtistLength = 300;
    public const int MaxAlbumLength = 500;
    public const int MaxSourceLength = 50;
    public const int MaxSourceIdLength = 200;
    public const int MaxLanguageLength = 20;
    public const int MaxUrlLength = 2000;

    /// <summary>
    /// Lyrics longer than this are rejected at import: over ten times the longest real song, and enriching a text of
    /// this size (its embedding above all) takes the enrichment consumer about ten seconds here.
    /// </summary>
    public const int MaxLyricsLength = 250_000;

    public const int MaxLyricsLines = 5_000;

    public const int MinYear = 1900;

    /// <summary>Next year: a release date announced ahead is still valid.</summary>
    public static int MaxYear => DateTime.UtcNow.Year + 1;
}
