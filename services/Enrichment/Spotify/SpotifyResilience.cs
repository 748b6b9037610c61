using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>The Spotify client's resilience pipeline: retries honouring Retry-After, a circuit breaker, attempt timeouts.</summary>
public static class SpotifyResilience
{
    public const string PipelineName = "spotify";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<SpotifyOptions>>().Value;
        pipeline.AddExternalApiStrategies(
            new ExternalApiLimits(options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds),
                TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), TimeSpan.FromSeconds(options.TimeoutSeconds)),
            context);
    }
}
