namespace RapAnalyzer.Enrichment.Spotify;

public static class SpotifyRegistration
{
    /// <summary>The options (validated at start-up), the typed <see cref="SpotifyClient"/> with the external-API pipeline, its token and the lookup.</summary>
    public static IServiceCollection AddSpotify(this IServiceCollection services)
    {
        services.AddExternalApiClient<SpotifyOptions>().AddTypedClient<SpotifyClient>();
        services.AddSingleton<SpotifyAccessToken>();
        services.AddSingleton<SpotifyLookup>();
        return services;
    }
}
