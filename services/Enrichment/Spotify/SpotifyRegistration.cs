using Microsoft.Extensions.DependencyInjection.Extensions;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

public static class SpotifyRegistration
{
    /// <summary>The options (validated at start-up), the typed <see cref="SpotifyClient"/> with its own resilience pipeline, and the lookup.</summary>
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        services.AddValidatedOptions<SpotifyOptions, SpotifyOptionsValidation>(SpotifyOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SpotifyAccessToken>();
        services.AddSingleton<SpotifyLookup>();

        services.AddHttpClient<SpotifyClient>(http => http.DefaultRequestHeaders.UserAgent.ParseAdd("RapAnalyzer-Enrichment/1.0"))
            .UseOwnResiliencePipeline(SpotifyResilience.PipelineName, SpotifyResilience.Configure);
        return services;
    }
}
