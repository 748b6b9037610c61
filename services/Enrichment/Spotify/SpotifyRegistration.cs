using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace RapAnalyzer.Enrichment.Spotify;

public static class SpotifyRegistration
{
    /// <summary>The options (validated at start-up), the typed <see cref="SpotifyClient"/> with its own resilience pipeline, and the lookup.</summary>
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        services.AddOptions<SpotifyOptions>().BindConfiguration(SpotifyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpotifyOptions>, SpotifyOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SpotifyAccessToken>();
        services.AddSingleton<SpotifyLookup>();

        var client = services.AddHttpClient<SpotifyClient>(http =>
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd("RapAnalyzer-Enrichment/1.0");
            // The pipeline bounds every call (attempt timeout, capped retries and Retry-After); HttpClient's own
            // 100 s would cut a call short that is only honouring a Retry-After, and surface as a bare cancellation.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // ServiceDefaults gives every client the standard handler; two retry layers would multiply the attempts.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(SpotifyResilience.PipelineName, SpotifyResilience.Configure).SelectPipelineByAuthority();
        return services;
    }
}
