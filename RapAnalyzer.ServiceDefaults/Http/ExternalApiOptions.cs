using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// The settings every external API (Genius, Spotify, an embedding endpoint, an LLM) has in its configuration section,
/// "Genius:TimeoutSeconds" or the environment variable Genius__TimeoutSeconds: how its client's resilience pipeline
/// times, retries, breaks and spaces the calls. An API adds its address and credentials and, in <see cref="Check"/>,
/// their checks; <c>AddExternalApiClient</c> binds and checks them at start-up.
/// </summary>
public abstract class ExternalApiOptions(string section, double timeoutSeconds, int maxRetries, double maxRetryAfterSeconds,
    double? requestsPerSecond = null)
{
    /// <summary>The configuration section, which also names the API in failures.</summary>
    public string Section => section;

    /// <summary>Per attempt.</summary>
    public double TimeoutSeconds { get; set; } = timeoutSeconds;

    public int MaxRetries { get; set; } = maxRetries;

    /// <summary>The first backoff when the answer gives no Retry-After; it doubles with each retry, with jitter.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A 429 or 503 asking to wait longer than this is not retried: the caller records the failure instead of stalling.</summary>
    public double MaxRetryAfterSeconds { get; set; } = maxRetryAfterSeconds;

    /// <summary>How many requests the breaker needs to see (half of them failing) before it opens.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public double CircuitBreakerBreakSeconds { get; set; } = 30;

    /// <summary>Spaces the requests to each host evenly at this rate; empty: no limit.</summary>
    public double? RequestsPerSecond { get; set; } = requestsPerSecond;

    /// <summary>Every failure of these settings at once, each naming its setting.</summary>
    public ValidateOptionsResult Validate() => Check(new SettingFailures(section)).Result;

    /// <summary>
    /// The checks of the pipeline's settings; an API's override adds its own to them. The lower bounds are Polly's:
    /// below them it would refuse to build the pipeline with a message naming no setting.
    /// </summary>
    protected virtual SettingFailures Check(SettingFailures failures) => failures
        .Range(nameof(TimeoutSeconds), TimeoutSeconds, 0.01, 600)
        .Range(nameof(MaxRetries), MaxRetries, 0, 10)
        .Range(nameof(RetryDelaySeconds), RetryDelaySeconds, 0, 60)
        .Range(nameof(MaxRetryAfterSeconds), MaxRetryAfterSeconds, 0, 3600)
        .Range(nameof(CircuitBreakerMinimumThroughput), CircuitBreakerMinimumThroughput, 2, 1000)
        .Range(nameof(CircuitBreakerBreakSeconds), CircuitBreakerBreakSeconds, 0.5, 3600)
        .Range(nameof(RequestsPerSecond), RequestsPerSecond, 0.01, 100);
}
