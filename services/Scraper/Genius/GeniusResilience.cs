using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// The Genius client's one resilience pipeline, built per host (the API and the song pages each get their own
/// rate limiter and circuit breaker). Outermost first: retry, circuit breaker, rate limiter, attempt timeout —
/// every attempt, retries included, waits for its turn at the host, and the wait does not count against its timeout.
/// </summary>
public static class GeniusResilience
{
    public const string PipelineName = "genius";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<GeniusOptions>>().Value;
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(RetryAfterRetry.Options(options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds),
                TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), time));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakerBreakSeconds),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * options.TimeoutSeconds)),
        });

        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // One token at a time spaces the requests evenly instead of letting them out in bursts.
            TokenLimit = 1,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.RequestsPerSecond),
            QueueLimit = 1000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        context.OnPipelineDisposed(limiter.Dispose);
        pipeline.AddRateLimiter(limiter);

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
    }
}
