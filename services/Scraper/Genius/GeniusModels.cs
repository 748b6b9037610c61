namespace RapAnalyzer.Scraper.Genius;

// The parts of the Genius API's JSON this scraper reads; every answer comes as { "meta": {...}, "response": {...} }.

public sealed record GeniusEnvelope<T>(GeniusMeta Meta, T? Response);

public sealed record GeniusMeta(int Status, string? Message = null);

public sealed record GeniusSearchResponse(IReadOnlyList<GeniusSearchHit> Hits);

public sealed record GeniusSearchHit(string? Type, GeniusSongSummary? Result);

public sealed record GeniusArtistSongsResponse(IReadOnlyList<GeniusSongSummary> Songs, int? NextPage);

public sealed record GeniusSongResponse(GeniusSong Song);

public sealed record GeniusArtist(long Id, string Name);

public sealed record GeniusSongSummary(long Id, string Title, string? Url, GeniusArtist? PrimaryArtist);

public sealed record GeniusSong(
    long Id,
    string Title,
    string Url,
    GeniusArtist PrimaryArtist,
    GeniusAlbum? Album = null,
    string? ReleaseDate = null,
    GeniusReleaseDateComponents? ReleaseDateComponents = null,
    string? Language = null,
    GeniusSongStats? Stats = null);

public sealed record GeniusAlbum(long Id, string Name);

/// <summary>Genius knows some release dates only to the year or month; then release_date is null and these are partial.</summary>
public sealed record GeniusReleaseDateComponents(int? Year, int? Month, int? Day);

public sealed record GeniusSongStats(long? Pageviews);
