using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// The Spotify client's resilience pipeline. Outermost first: retry (honouring Retry-After), circuit breaker,
/// attempt timeout. The breaker lets enrichment stop waiting on a Spotify that is down instead of retrying every track.
/// </summary>
public static class SpotifyResilience
{
    public const string PipelineName = "spotify";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<SpotifyOptions>>().Value;
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(Retry(options, time));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = 10,
            BreakDuration = TimeSpan.FromSeconds(30),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * options.TimeoutSeconds)),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
    }

    private static HttpRetryStrategyOptions Retry(SpotifyOptions options, TimeProvider time)
    {
        var maxRetryAfter = TimeSpan.FromSeconds(options.MaxRetryAfterSeconds);
        return new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds),
            ShouldRetryAfterHeader = false,
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && !(SpotifyRetryAfter.Of(args.Outcome.Result, time) > maxRetryAfter)),
            DelayGenerator = args => ValueTask.FromResult(SpotifyRetryAfter.Of(args.Outcome.Result, time)),
        };
    }
}
