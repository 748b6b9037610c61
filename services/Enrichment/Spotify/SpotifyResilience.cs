using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RapAnalyzer.ServiceDefaults.Http;

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
            pipeline.AddRetry(RetryAfterRetry.Options(options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds),
                TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), time));
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            MinimumThroughput = 10,
            BreakDuration = TimeSpan.FromSeconds(30),
            SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * options.TimeoutSeconds)),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) });
    }
}
