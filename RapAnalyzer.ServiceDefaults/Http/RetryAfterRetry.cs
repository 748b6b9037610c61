using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// The retry strategy of clients of external APIs: transient failures are retried with exponential backoff and
/// jitter, a Retry-After header sets the wait, and an answer asking for longer than
/// <see cref="ExternalApiOptions.MaxRetryAfterSeconds"/> is not retried at all (the caller records the failure instead of stalling).
/// </summary>
internal static class RetryAfterRetry
{
    public static HttpRetryStrategyOptions Options(ExternalApiOptions options, TimeProvider time) => new()
    {
        MaxRetryAttempts = options.MaxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !(Wait(args.Outcome.Result, time) > TimeSpan.FromSeconds(options.MaxRetryAfterSeconds))),
        DelayGenerator = args => ValueTask.FromResult(Wait(args.Outcome.Result, time)),
    };

    /// <summary>How long a response asks the client to wait, from either form of the Retry-After header.</summary>
    private static TimeSpan? Wait(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value ? (value < TimeSpan.Zero ? TimeSpan.Zero : value) : null;
    }
}
