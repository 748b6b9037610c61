using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// The Genius API (search, an artist's songs, song details) and the song pages that hold the lyrics. Every failure is
/// an <see cref="ExternalApiException"/> naming the URL.
/// </summary>
public sealed class GeniusClient(HttpClient http, IOptions<GeniusOptions> options)
{
    public const int MaxPageSize = 50;

    private readonly GeniusOptions _options = options.Value;

    /// <summary>The primary artist of the first search hit whose name is <paramref name="name"/>, or null.</summary>
    public async Task<GeniusArtist?> SearchArtistAsync(string name, CancellationToken cancellationToken = default)
    {
        var search = await GetApiAsync<GeniusSearchResponse>($"search?q={Uri.EscapeDataString(name)}", cancellationToken);
        return search.Hits
            .Select(hit => hit.Result?.PrimaryArtist)
            .FirstOrDefault(artist => artist is not null && Contracts.ArtistIdentity.Same(artist.Name, name));
    }

    /// <summary>The artist's most popular songs, page after page, up to <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<GeniusSongSummary>> GetArtistSongsAsync(long artistId, int limit,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        // One page size for every page: Genius pages by offset, so changing it midway would skip or repeat songs.
        var perPage = Math.Min(MaxPageSize, limit);
        var songs = new List<GeniusSongSummary>();
        int? page = 1;
        while (page is { } current && songs.Count < limit)
        {
            var batch = await GetApiAsync<GeniusArtistSongsResponse>(
                FormattableString.Invariant($"artists/{artistId}/songs?sort=popularity&per_page={perPage}&page={current}"), cancellationToken);
            songs.AddRange(batch.Songs.Take(limit - songs.Count));
            // An empty page, or a next_page that does not move forward, would otherwise loop for ever.
            page = batch.Songs.Count > 0 && batch.NextPage > current ? batch.NextPage : null;
        }
        return songs;
    }

    public async Task<GeniusSong> GetSongAsync(long songId, CancellationToken cancellationToken = default) =>
        (await GetApiAsync<GeniusSongResponse>(FormattableString.Invariant($"songs/{songId}"), cancellationToken)).Song;

    /// <summary>The HTML of a song page, from the URL the API gave for the song; the token is not sent there.</summary>
    public async Task<string> GetLyricsPageAsync(string url, CancellationToken cancellationToken = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https"))
        {
            throw new ExternalApiException(GeniusOptions.SectionName, $"Genius gave '{url}' as the song page, which is not an absolute http(s) URL.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, page);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = (await http.CallAsync(_options, request, cancellationToken)).EnsureSuccess(_options);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private async Task<T> GetApiAsync<T>(string relativeUrl, CancellationToken cancellationToken) where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ExternalApiCalls.Resolve(_options.BaseUrl, relativeUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = (await http.CallAsync(_options, request, cancellationToken)).EnsureSuccess(_options);
        return (await response.ReadJsonAsync<GeniusEnvelope<T>>(_options, cancellationToken)).Response
            ?? throw new ExternalApiException(GeniusOptions.SectionName, $"Genius answered GET {request.RequestUri} without a response object.");
    }
}
