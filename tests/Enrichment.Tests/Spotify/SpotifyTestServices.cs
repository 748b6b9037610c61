using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RapAnalyzer.Enrichment.Spotify;

namespace RapAnalyzer.Enrichment.Tests.Spotify;

/// <summary>
/// The Spotify services wired as the Enrichment service wires them, pointed at a fake Spotify, with small
/// timeouts and backoffs so a test of the resilience pipeline takes a fraction of a second.
/// </summary>
public static class SpotifyTestServices
{
    public static readonly FakeSpotifyTrack Alright =
        new("3iVcZ5G6tvkXZkZKlMpIUs", "Alright", "Kendrick Lamar", 74, "To Pimp A Butterfly", "2015-03-15", 219333, true);

    public static readonly FakeSpotifyTrack NyState =
        new("5zJx2D8cm7vbSrhxyDxO2E", "N.Y. State of Mind", "Nas", 66, "Illmatic", "1994", 293933, true);

    public static ServiceProvider Create(FakeSpotifyServer server, Action<SpotifyOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // What ServiceDefaults does to every HttpClient; the Spotify client has to replace it, not add to it.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        services.AddSpotify();
        services.Configure<SpotifyOptions>(options =>
        {
            options.ClientId = FakeSpotifyServer.ClientId;
            options.ClientSecret = FakeSpotifyServer.ClientSecret;
            options.ApiBaseUrl = server.BaseUrl;
            options.AccountsBaseUrl = server.BaseUrl;
            options.MaxRetries = 2;
            options.RetryDelaySeconds = 0.01;
            options.TimeoutSeconds = 5;
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
