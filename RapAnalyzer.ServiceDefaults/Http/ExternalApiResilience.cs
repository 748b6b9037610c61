using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// The resilience pipeline of clients of external APIs. Outermost first: retry (honouring Retry-After), circuit
/// breaker, rate limiter when there is one, attempt timeout. The breaker lets a service stop waiting on an API that is
/// down instead of trying it again for every message; every attempt, retries included, waits for its turn at the
/// limiter, and that wait does not count against its timeout.
/// </summary>
internal static class ExternalApiResilience
{
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddExternalApiStrategies(
        this ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ExternalApiOptions options, ResilienceHandlerContext context)
    {
        var attemptTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(RetryAfterRetry.Options(options, context.ServiceProvider.GetRequiredService<TimeProvider>()));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakerBreakSeconds),
            // The larger of 30 s and two attempt timeouts, so that a slow API's failures are seen together.
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * attemptTimeout.TotalSeconds)),
        });
        if (options.RequestsPerSecond is { } rate)
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
        return pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = attemptTimeout });
    }
}
