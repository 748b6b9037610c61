using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using RapAnalyzer.Contracts;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// The Spotify Web API with an app's client credentials: the token from the accounts service, then track search.
/// Every failure is an <see cref="ExternalApiException"/> naming the URL.
/// </summary>
public sealed class SpotifyClient(HttpClient http, SpotifyAccessToken token, IOptions<SpotifyOptions> options)
{
    private readonly SpotifyOptions _options = options.Value;

    /// <summary>The first track Spotify finds for the title and artist, or null when it finds none.</summary>
    public async Task<SpotifyMetadata?> FindTrackAsync(string title, string artist, CancellationToken cancellationToken = default)
    {
        var query = $"track:\"{Unquoted(title)}\" artist:\"{Unquoted(artist)}\"";
        var url = ExternalApiCalls.Resolve(_options.ApiBaseUrl, $"v1/search?q={Uri.EscapeDataString(query)}&type=track&limit=1");
        var search = await GetApiAsync<SpotifySearchResponse>(url, cancellationToken);
        return search.Tracks?.Items?.FirstOrDefault() is { Id: { Length: > 0 } id } track
            ? new SpotifyMetadata(id, track.Popularity, track.Album?.Name ?? "", track.Album?.ReleaseDate, track.DurationMs, track.Explicit)
            : null;
    }

    private async Task<T> GetApiAsync<T>(Uri url, CancellationToken cancellationToken) where T : class
    {
        var accessToken = await token.GetAsync(FetchTokenAsync, cancellationToken);
        var response = await GetAsync(url, accessToken, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Revoked or expired before its time: one fresh token, and if Spotify refuses that too, it is an error.
            response.Dispose();
            token.Invalidate(accessToken);
            response = await GetAsync(url, await token.GetAsync(FetchTokenAsync, cancellationToken), cancellationToken);
        }
        using (response)
        {
            return await response.EnsureSuccess(_options).ReadJsonAsync<T>(_options, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> GetAsync(Uri url, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        return await http.CallAsync(_options, request, cancellationToken);
    }

    private async Task<SpotifyTokenResponse> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ExternalApiCalls.Resolve(_options.AccountsBaseUrl, "api/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        var credentials = Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
        using var response = await http.CallAsync(_options, request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw new ExternalApiException(SpotifyOptions.SectionName,
                $"Spotify refused the client credentials ({(int)response.StatusCode} from POST {request.RequestUri}): check {SpotifyOptions.SectionName}:ClientId and {SpotifyOptions.SectionName}:ClientSecret.",
                response.StatusCode);
        }
        return await response.EnsureSuccess(_options).ReadJsonAsync<SpotifyTokenResponse>(_options, cancellationToken);
    }

    // Spotify's field filters take a quoted phrase; a quote inside it would end the phrase early.
    private static string Unquoted(string text) => text.Replace('"', ' ').Trim();
}
