using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>The steps of a call to an external API through its client's pipeline; whatever goes wrong is an <see cref="ExternalApiException"/>.</summary>
public static class ExternalApiCalls
{
    // snake_case, as Genius, Spotify and OpenAI-compatible APIs write it.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The answer, whatever its status; getting none (no connection, no answer in time, an open circuit) is the exception.</summary>
    public static async Task<HttpResponseMessage> CallAsync(this HttpClient http, ExternalApiOptions api, HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ExecutionRejectedException)
        {
            throw ExternalApiException.From(api, $"{request.Method} {request.RequestUri}", e);
        }
    }

    /// <summary>The answer if it is a success; otherwise it is disposed and its status is the exception.</summary>
    public static HttpResponseMessage EnsureSuccess(this HttpResponseMessage response, ExternalApiOptions api)
    {
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        response.Dispose();
        throw new ExternalApiException(api.Section,
            $"{api.Section} answered {(int)response.StatusCode} {response.ReasonPhrase} to {Call(response)}.", response.StatusCode);
    }

    /// <summary>The answer's body as <typeparamref name="T"/>; a body that is not that JSON is the exception.</summary>
    public static async Task<T> ReadJsonAsync<T>(this HttpResponseMessage response, ExternalApiOptions api, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new ExternalApiException(api.Section, $"{api.Section} answered {Call(response)} with JSON it cannot read: {e.Message}", inner: e);
        }
    }

    /// <summary><paramref name="relativeUrl"/> below <paramref name="baseUrl"/>, also when that has a path without a trailing slash.</summary>
    public static Uri Resolve(string baseUrl, string relativeUrl) => new(new Uri(baseUrl.TrimEnd('/') + "/"), relativeUrl);

    private static string Call(HttpResponseMessage response) => $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}";
}
