using System.Globalization;
using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// What a client of an external API throws for every call that failed: no answer (unreachable, no answer in time, the
/// circuit open), an answer that is not a success (<see cref="HttpRequestException.StatusCode"/>), or one the client
/// cannot use. The message names the call and, where a setting decided it, the setting. Callers catch this one type
/// and degrade (skip the item, leave the data out); being an <see cref="HttpRequestException"/>, it is also handled by
/// code written for HttpClient's own failures.
/// </summary>
public sealed class ExternalApiException(string api, string message, HttpStatusCode? statusCode = null, Exception? inner = null)
    : HttpRequestException(message, inner, statusCode)
{
    /// <summary>The API's configuration section: Genius, Spotify...</summary>
    public string Api { get; } = api;

    /// <summary>The breaker refused the call without sending it: the API keeps failing, and calling it again soon will not help.</summary>
    public bool IsCircuitOpen => InnerException is BrokenCircuitException;

    /// <summary><paramref name="call"/> ("GET https://...", "The embedding endpoint (model)") failed with <paramref name="failure"/>.</summary>
    public static ExternalApiException From(ExternalApiOptions api, string call, Exception failure) => failure switch
    {
        TimeoutRejectedException timeout => new(api.Section, string.Create(CultureInfo.InvariantCulture,
            $"{call} got no answer within {timeout.Timeout.TotalSeconds:0.###} s ({api.Section}:TimeoutSeconds) on any attempt."), inner: failure),
        BrokenCircuitException => new(api.Section, string.Create(CultureInfo.InvariantCulture,
            $"{call} was not sent: {api.Section} failed too often, so it is left alone for {api.CircuitBreakerBreakSeconds:0.###} s ({api.Section}:CircuitBreakerBreakSeconds)."),
            inner: failure),
        _ => new(api.Section, $"{call} failed: {failure.Message.Split('\n')[0]}", (failure as HttpRequestException)?.StatusCode, failure),
    };
}
