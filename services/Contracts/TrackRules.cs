using System.Globalization;

namespace RapAnalyzer.Contracts;

/// <summary>
/// What a track may hold, checked by every importer before it publishes a track and by the catalog before it stores one,
/// so that a track accepted at the edge is always storable and one that is not is refused with its reason rather than
/// failing the database: <see cref="StorableText"/> within the lengths of <see cref="TrackLimits"/>, lyrics present and of
/// at most <see cref="TrackLimits.MaxLyricsLines"/> lines, years (the release date's too) from
/// <see cref="TrackLimits.MinYear"/> to next year, and no negative views. Field names are the import's columns. A field
/// the contract says is there may still be missing from a message (an older or a foreign publisher's), so each is read as
/// possibly null.
/// </summary>
public static class TrackRules
{
    /// <summary>The first rule the track breaks; null when it can be stored.</summary>
    public static Rejection? Check(TrackScraped track) => Rejections(track).FirstOrDefault();

    /// <summary>Every rule the track breaks, in the order <see cref="Check"/> looks at them; only as many are checked as are read.</summary>
    public static IEnumerable<Rejection> Rejections(TrackScraped track) => Rules(track).OfType<Rejection>();

    /// <summary>Takes the year before it is narrowed to an int, so a huge one is reported rather than wrapped around.</summary>
    public static Rejection? Year(long year) =>
        IsYear(year) ? null : new Rejection("year", Invariant($"{year} is not a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}"));

    private static IEnumerable<Rejection?> Rules(TrackScraped track)
    {
        yield return StorableText.Check("id", track.SourceId, TrackLimits.MaxSourceIdLength, required: true);
        yield return StorableText.Check("title", track.Title, TrackLimits.MaxTitleLength, required: true);
        yield return StorableText.Check("artist", track.Artist, TrackLimits.MaxArtistLength, required: true);
        yield return StorableText.Check("album", track.Album, TrackLimits.MaxAlbumLength);
        yield return Lyrics(track.Lyrics);
        yield return track.Year is { } year ? Year(year) : null;
        yield return track.ReleaseDate is { } date ? ReleaseDate(date) : null;
        yield return track.Views is { } views and < 0 ? new Rejection("views", Invariant($"{views} is negative")) : null;
        yield return StorableText.Check("language", track.Language, TrackLimits.MaxLanguageLength);
        yield return StorableText.Check("url", track.Url, TrackLimits.MaxUrlLength);
        yield return StorableText.Check("source", track.Source, TrackLimits.MaxSourceLength, required: true);
    }

    /// <summary>
    /// Lyrics are required: an importer skips a track without any as "no lyrics" before it asks these rules, and one
    /// that reaches the catalog without them would be a track of no words sharing the empty text's content hash.
    /// </summary>
    private static Rejection? Lyrics(string? lyrics)
    {
        if (StorableText.Check("lyrics", lyrics, TrackLimits.MaxLyricsLength, required: true, multiline: true) is { } rejection)
        {
            return rejection;
        }
        var lines = LineCount(lyrics);
        return lines > TrackLimits.MaxLyricsLines
            ? new Rejection("lyrics", Invariant($"has {lines} lines; at most {TrackLimits.MaxLyricsLines} are allowed"))
            : null;
    }

    /// <summary>
    /// Lines as enrichment splits them, at "\n", "\r\n" or a lone "\r" (a CRLF file is no more lines than an LF one);
    /// a line break ending the lyrics ends the last line and starts none.
    /// </summary>
    private static int LineCount(ReadOnlySpan<char> lyrics)
    {
        var breaks = lyrics.Count('\n') + lyrics.Count('\r') - lyrics.Count("\r\n".AsSpan());
        return breaks + (lyrics[^1] is '\n' or '\r' ? 0 : 1);
    }

    private static Rejection? ReleaseDate(DateOnly date) =>
        IsYear(date.Year)
            ? null
            : new Rejection("releaseDate", Invariant($"{date:yyyy-MM-dd} is not in a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}"));

    private static bool IsYear(long year) => year >= TrackLimits.MinYear && year <= TrackLimits.MaxYear;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
