using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace RapAnalyzer.Scraper.Tests.Genius;

public sealed record FakeSong(long Id, string Title, string LyricsHtml, string? Album = null, string? ReleaseDate = null,
    int? ReleaseYear = null, long? Pageviews = null, string? Language = "en");

public sealed record FakeArtist(long Id, string Name, IReadOnlyList<FakeSong> Songs);

/// <summary>
/// A Genius on loopback that speaks the API's JSON (the meta/response envelope, snake_case) and serves song pages.
/// It pages an artist's songs <see cref="PageSize"/> at a time whatever per_page asks, so paging shows with a few songs.
/// </summary>
public sealed class FakeGeniusServer : FakeApiServer
{
    public const string Token = "fake-genius-token";
    public const int PageSize = 3;

    private readonly IReadOnlyList<FakeArtist> _artists;

    private FakeGeniusServer(IReadOnlyList<FakeArtist> artists) => _artists = artists;

    public static async Task<FakeGeniusServer> StartAsync(params FakeArtist[] artists)
    {
        var server = new FakeGeniusServer(artists);
        await server.StartListeningAsync();
        return server;
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapGet("/search", Search);
        app.MapGet("/artists/{id:long}/songs", ArtistSongs);
        app.MapGet("/songs/{id:long}", Song);
        app.MapGet("/{slug}-lyrics", Page);
    }

    public static string PagePath(FakeSong song) => $"/song-{song.Id}-lyrics";

    private IResult Search(HttpContext context, string? q)
    {
        if (Unauthorized(context) is { } denied)
        {
            return denied;
        }
        // Like Genius, hits are songs: a song of a similarly named artist comes first, so the client has to choose. And
        // like Genius, search ignores case, accents and punctuation.
        var words = (q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Letters).ToList();
        var hits = _artists
            .Where(a => words.Count > 0 && words.All(w => Letters(a.Name).Contains(w, StringComparison.Ordinal)))
            .OrderByDescending(a => a.Name.Length)
            .SelectMany(a => a.Songs.Take(2).Select(s => new { type = "song", index = "song", result = Summary(context, a, s) }));
        return Envelope(new { hits });
    }

    // A modifier letter such as U+02BC is an apostrophe to search.
    private static string Letters(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKD)
            .Where(c => char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.ModifierLetter)
            .Select(char.ToLowerInvariant)]);

    private IResult ArtistSongs(HttpContext context, long id, int? page, [FromQuery(Name = "per_page")] int? perPage)
    {
        if (Unauthorized(context) is { } denied)
        {
            return denied;
        }
        if (_artists.FirstOrDefault(a => a.Id == id) is not { } artist)
        {
            return NotFound();
        }
        var current = page ?? 1;
        var size = Math.Min(PageSize, perPage ?? 20);
        var songs = artist.Songs.Skip((current - 1) * size).Take(size).Select(s => Summary(context, artist, s)).ToList();
        int? next = current * size < artist.Songs.Count ? current + 1 : null;
        return Envelope(new { songs, next_page = next });
    }

    private IResult Song(HttpContext context, long id)
    {
        if (Unauthorized(context) is { } denied)
        {
            return denied;
        }
        var found = _artists.SelectMany(a => a.Songs.Select(s => (Artist: a, Song: s))).FirstOrDefault(x => x.Song.Id == id);
        if (found.Song is not { } song)
        {
            return NotFound();
        }
        return Envelope(new
        {
            song = new
            {
                id = song.Id,
                title = song.Title,
                full_title = $"{song.Title} by {found.Artist.Name}",
                url = PageUrl(context, song),
                path = PagePath(song),
                language = song.Language,
                release_date = song.ReleaseDate,
                release_date_components = song.ReleaseYear is { } year ? new { year, month = (int?)null, day = (int?)null } : null,
                album = song.Album is { } album ? new { id = 9000 + song.Id, name = album, url = "https://genius.test/albums/x" } : null,
                primary_artist = new { id = found.Artist.Id, name = found.Artist.Name, url = "https://genius.test/artists/x" },
                stats = new { hot = false, unreviewed_annotations = 0, pageviews = song.Pageviews },
            },
        });
    }

    private IResult Page(HttpContext context, string slug)
    {
        var id = long.Parse(slug["song-".Length..], CultureInfo.InvariantCulture);
        var song = _artists.SelectMany(a => a.Songs).FirstOrDefault(s => s.Id == id);
        return song is null ? Results.NotFound() : Results.Content(song.LyricsHtml, "text/html; charset=utf-8");
    }

    private static object Summary(HttpContext context, FakeArtist artist, FakeSong song) => new
    {
        id = song.Id,
        title = song.Title,
        url = PageUrl(context, song),
        lyrics_state = "complete",
        primary_artist = new { id = artist.Id, name = artist.Name },
    };

    private static string PageUrl(HttpContext context, FakeSong song) =>
        $"{context.Request.Scheme}://{context.Request.Host}{PagePath(song)}";

    private static IResult? Unauthorized(HttpContext context) =>
        context.Request.Headers.Authorization == $"Bearer {Token}"
            ? null
            : Results.Json(new { meta = new { status = 401, message = "This call requires an access_token." } }, statusCode: 401);

    private static IResult NotFound() => Results.Json(new { meta = new { status = 404, message = "Not found" } }, statusCode: 404);

    private static IResult Envelope(object response) => Results.Json(new { meta = new { status = 200 }, response });
}
