using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>How hard a client may try an external API: retries, their first backoff, the longest Retry-After honoured, and each attempt's timeout.</summary>
public sealed record ExternalApiLimits(int MaxRetries, TimeSpan RetryDelay, TimeSpan MaxRetryAfter, TimeSpan AttemptTimeout)
{
    /// <summary>Failed attempts within the sampling window (the larger of 30 s and two attempt timeouts) that open the circuit.</summary>
    public int BreakerMinimumThroughput { get; init; } = 10;

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Spaces the attempts evenly at this rate (each pipeline, so each host, separately); null: no limit.</summary>
    public double? RequestsPerSecond { get; init; }
}

/// <summary>
/// The resilience pipeline of clients of external APIs (Genius, Spotify, an embedding endpoint). Outermost first:
/// retry (honouring Retry-After), circuit breaker, rate limiter when there is one, attempt timeout. The breaker lets
/// a service stop waiting on an API that is down instead of trying it again for every message; every attempt,
/// retries included, waits for its turn at the limiter, and that wait does not count against its timeout.
/// </summary>
public static class ExternalApiResilience
{
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddExternalApiStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ExternalApiLimits limits, ResilienceHandlerContext context)
    {
        if (limits.MaxRetries > 0)
        {
            var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            pipeline.AddRetry(RetryAfterRetry.Options(limits.MaxRetries, limits.RetryDelay, limits.MaxRetryAfter, time));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = limits.BreakerMinimumThroughput,
            BreakDuration = limits.BreakDuration,
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * limits.AttemptTimeout.TotalSeconds)),
        });
        if (limits.RequestsPerSecond is { } rate)
        {
            var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                // One token at a time spaces the requests evenly instead of letting them out in bursts.
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / rate),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
            context.OnPipelineDisposed(limiter.Dispose);
            pipeline.AddRateLimiter(limiter);
        }
        return pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = limits.AttemptTimeout });
    }
}
