using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>How hard a client may try an external API: retries, their first backoff, the longest Retry-After honoured, and each attempt's timeout.</summary>
public sealed record ExternalApiLimits(int MaxRetries, TimeSpan RetryDelay, TimeSpan MaxRetryAfter, TimeSpan AttemptTimeout);

/// <summary>
/// The resilience pipeline of clients of optional external APIs (Spotify, an embedding endpoint). Outermost first:
/// retry (honouring Retry-After), circuit breaker, attempt timeout. The breaker lets a service stop waiting on an
/// API that is down instead of trying it again for every message.
/// </summary>
public static class ExternalApiResilience
{
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddExternalApiStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ExternalApiLimits limits, TimeProvider time)
    {
        if (limits.MaxRetries > 0)
        {
            pipeline.AddRetry(RetryAfterRetry.Options(limits.MaxRetries, limits.RetryDelay, limits.MaxRetryAfter, time));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = 10,
            BreakDuration = TimeSpan.FromSeconds(30),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * limits.AttemptTimeout.TotalSeconds)),
        });
        return pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = limits.AttemptTimeout });
    }
}
