using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// The Spotify Web API with an app's client credentials: the token from the accounts service, then track search.
/// A response that is not a success becomes an <see cref="HttpRequestException"/> carrying its status code, and a
/// request that got no answer in time a <see cref="TimeoutRejectedException"/>; every error names the URL.
/// </summary>
public sealed class SpotifyClient(HttpClient http, SpotifyAccessToken token, IOptions<SpotifyOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The first track Spotify finds for the title and artist, or null when it finds none.</summary>
    public async Task<SpotifyMetadata?> FindTrackAsync(string title, string artist, CancellationToken cancellationToken = default)
    {
        var query = $"track:\"{Unquoted(title)}\" artist:\"{Unquoted(artist)}\"";
        var url = new Uri(BaseUri(options.Value.ApiBaseUrl), $"v1/search?q={Uri.EscapeDataString(query)}&type=track&limit=1");
        var search = await GetApiAsync<SpotifySearchResponse>(url, cancellationToken);
        return search.Tracks?.Items?.FirstOrDefault() is { Id: { Length: > 0 } id } track
            ? new SpotifyMetadata(id, track.Popularity, track.Album?.Name ?? "", track.Album?.ReleaseDate, track.DurationMs, track.Explicit)
            : null;
    }

    private async Task<T> GetApiAsync<T>(Uri url, CancellationToken cancellationToken) where T : class
    {
        var accessToken = await token.GetAsync(FetchTokenAsync, cancellationToken);
        var response = await SendAsync(() => ApiRequest(url, accessToken), cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Revoked or expired before its time: one fresh token, and if Spotify refuses that too, it is an error.
            response.Dispose();
            token.Invalidate(accessToken);
            accessToken = await token.GetAsync(FetchTokenAsync, cancellationToken);
            response = await SendAsync(() => ApiRequest(url, accessToken), cancellationToken);
        }
        using (response)
        {
            EnsureSuccess(response, "GET", url);
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new InvalidDataException($"Spotify answered GET {url} with an empty body.");
        }
    }

    private async Task<SpotifyTokenResponse> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(BaseUri(options.Value.AccountsBaseUrl), "api/token");
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
            };
            var credentials = Encoding.UTF8.GetBytes($"{options.Value.ClientId}:{options.Value.ClientSecret}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
            return request;
        }, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw new HttpRequestException(
                $"Spotify refused the client credentials ({(int)response.StatusCode} from POST {url}): check {SpotifyOptions.SectionName}:ClientId and {SpotifyOptions.SectionName}:ClientSecret.",
                null, response.StatusCode);
        }
        EnsureSuccess(response, "POST", url);
        return await response.Content.ReadFromJsonAsync<SpotifyTokenResponse>(Json, cancellationToken)
            ?? throw new InvalidDataException($"Spotify answered POST {url} with an empty body.");
    }

    private static HttpRequestMessage ApiRequest(Uri url, string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException(e.HttpRequestError, $"{request.Method} {request.RequestUri} failed: {e.Message}", e, e.StatusCode);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutRejectedException(string.Create(CultureInfo.InvariantCulture,
                $"{request.Method} {request.RequestUri} got no answer within {e.Timeout.TotalSeconds:0.###} s ({SpotifyOptions.SectionName}:TimeoutSeconds) on any attempt."), e.Timeout, e);
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, string method, Uri url)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Spotify answered {(int)response.StatusCode} {response.ReasonPhrase} to {method} {url}.", null, response.StatusCode);
        }
    }

    private static Uri BaseUri(string baseUrl) => new(baseUrl.TrimEnd('/') + "/");

    // Spotify's field filters take a quoted phrase; a quote inside it would end the phrase early.
    private static string Unquoted(string text) => text.Replace('"', ' ').Trim();
}
