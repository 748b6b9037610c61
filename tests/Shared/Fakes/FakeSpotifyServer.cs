using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.Testing.Fakes;

public sealed record FakeSpotifyTrack(string Id, string Title, string Artist, int Popularity, string Album, string ReleaseDate,
    int DurationMs, bool Explicit);

/// <summary>
/// Spotify's accounts service and Web API on one loopback port: client-credentials tokens at /api/token, and
/// fielded track search at /v1/search that only accepts the newest token issued.
/// </summary>
public sealed class FakeSpotifyServer : FakeApiServer
{
    public const string ClientId = "fake-client-id";
    public const string ClientSecret = "fake-client-secret";

    private readonly IReadOnlyList<FakeSpotifyTrack> _tracks;
    private int _tokensIssued;

    private FakeSpotifyServer(IReadOnlyList<FakeSpotifyTrack> tracks) => _tracks = tracks;

    /// <summary>Seconds each issued token claims to last.</summary>
    public int ExpiresIn { get; set; } = 3600;

    public string CurrentToken => $"token-{Volatile.Read(ref _tokensIssued)}";

    /// <summary>From now on the search refuses every token issued so far, as Spotify does with a revoked one.</summary>
    public void RevokeTokens() => Interlocked.Increment(ref _tokensIssued);

    public static async Task<FakeSpotifyServer> StartAsync(params FakeSpotifyTrack[] tracks)
    {
        var server = new FakeSpotifyServer(tracks);
        await server.StartListeningAsync();
        return server;
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/api/token", (Delegate)Token);
        app.MapGet("/v1/search", Search);
    }

    private async Task<IResult> Token(HttpContext context)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (context.Request.Headers.Authorization != basic)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Invalid client" }, statusCode: 400);
        }
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
        {
            return Results.Json(new { error = "unsupported_grant_type", error_description = "grant_type parameter is missing" }, statusCode: 400);
        }
        var issued = Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = $"token-{issued}", token_type = "Bearer", expires_in = ExpiresIn });
    }

    private IResult Search(HttpContext context, string? q, string? type, int? limit)
    {
        if (context.Request.Headers.Authorization != $"Bearer {CurrentToken}")
        {
            return Results.Json(new { error = new { status = 401, message = "The access token expired" } }, statusCode: 401);
        }
        if (type != "track" || string.IsNullOrEmpty(q))
        {
            return Results.Json(new { error = new { status = 400, message = "Bad search type field" } }, statusCode: 400);
        }
        var items = _tracks.Where(t => q.Contains($"track:\"{t.Title}\"", StringComparison.OrdinalIgnoreCase)
                && q.Contains($"artist:\"{t.Artist}\"", StringComparison.OrdinalIgnoreCase))
            .Take(limit ?? 20)
            .Select(Item)
            .ToList();
        var href = $"{BaseUrl}/v1/search?query={Uri.EscapeDataString(q)}&type=track&offset=0&limit={limit ?? 20}";
        return Results.Json(new { tracks = new { href, items, limit = limit ?? 20, next = (string?)null, offset = 0, previous = (string?)null, total = items.Count } });
    }

    private object Item(FakeSpotifyTrack track) => new
    {
        album = new
        {
            album_type = "album",
            total_tracks = 12,
            available_markets = new[] { "US", "GB" },
            external_urls = new { spotify = $"https://open.spotify.com/album/{track.Id}a" },
            href = $"{BaseUrl}/v1/albums/{track.Id}a",
            id = $"{track.Id}a",
            images = new[] { new { url = "https://i.scdn.co/image/ab67616d0000b273", height = 640, width = 640 } },
            name = track.Album,
            release_date = track.ReleaseDate,
            release_date_precision = track.ReleaseDate.Length == 4 ? "year" : "day",
            type = "album",
            uri = $"spotify:album:{track.Id}a",
            artists = new[] { Artist(track) },
        },
        artists = new[] { Artist(track) },
        available_markets = new[] { "US", "GB" },
        disc_number = 1,
        duration_ms = track.DurationMs,
        @explicit = track.Explicit,
        external_ids = new { isrc = "USUM71502498" },
        external_urls = new { spotify = $"https://open.spotify.com/track/{track.Id}" },
        href = $"{BaseUrl}/v1/tracks/{track.Id}",
        id = track.Id,
        is_local = false,
        name = track.Title,
        popularity = track.Popularity,
        preview_url = (string?)null,
        track_number = 2,
        type = "track",
        uri = $"spotify:track:{track.Id}",
    };

    private object Artist(FakeSpotifyTrack track) => new
    {
        external_urls = new { spotify = "https://open.spotify.com/artist/2YZyLoL8N0Wb9xBt1NhZWg" },
        href = $"{BaseUrl}/v1/artists/2YZyLoL8N0Wb9xBt1NhZWg",
        id = "2YZyLoL8N0Wb9xBt1NhZWg",
        name = track.Artist,
        type = "artist",
        uri = "spotify:artist:2YZyLoL8N0Wb9xBt1NhZWg",
    };
}
