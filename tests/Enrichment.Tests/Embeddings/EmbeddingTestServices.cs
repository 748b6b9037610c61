using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>
/// The embedding services wired as the Enrichment service wires them (with the shared USE-Lite encoder), the endpoint
/// pointed at a fake OpenAI-compatible server or left unconfigured, with small backoffs so resilience tests are quick.
/// </summary>
public static class EmbeddingTestServices
{
    private static readonly Lazy<ServiceProvider> Local = new(() => Create(null));

    /// <summary>USE-Lite alone, as when no endpoint is configured.</summary>
    public static LyricsEmbedder LocalEmbedder => Local.Value.GetRequiredService<LyricsEmbedder>();

    public static ServiceProvider Create(FakeOpenAiServer? server, Action<EmbeddingEndpointOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // What ServiceDefaults does to every HttpClient; the endpoint's client has to replace it, not add to it.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddSingleton(EmbeddingTestFiles.Encoder);

        services.AddLyricsEmbedder();
        services.Configure<EmbeddingEndpointOptions>(options =>
        {
            if (server is not null)
            {
                options.Url = server.ApiUrl;
                options.Model = FakeOpenAiServer.EmbeddingModel;
                options.ApiKey = FakeOpenAiServer.ApiKey;
            }
            options.MaxRetries = 2;
            options.RetryDelaySeconds = 0.01;
            options.TimeoutSeconds = 5;
            // Each test decides whether a failure is followed by a cool-down.
            options.CooldownSeconds = 0;
            configure?.Invoke(options);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
