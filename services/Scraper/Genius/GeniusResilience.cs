using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// The Genius client's one resilience pipeline, built per host (the API and the song pages each get their own
/// rate limiter and circuit breaker): retries honouring Retry-After, a circuit breaker, the rate limit, attempt timeouts.
/// </summary>
public static class GeniusResilience
{
    public const string PipelineName = "genius";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<GeniusOptions>>().Value;
        pipeline.AddExternalApiStrategies(
            new ExternalApiLimits(options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds),
                TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), TimeSpan.FromSeconds(options.TimeoutSeconds))
            {
                BreakerMinimumThroughput = options.CircuitBreakerMinimumThroughput,
                BreakDuration = TimeSpan.FromSeconds(options.CircuitBreakerBreakSeconds),
                RequestsPerSecond = options.RequestsPerSecond,
            },
            context);
    }
}
