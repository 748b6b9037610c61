using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.AppHost;

/// <summary>The RapAnalyzer system: which resources exist and who references whom.</summary>
public static class AppModel
{
    /// <summary>The gateway's port in a local run unless <c>GatewayPort</c> says otherwise (another free one when taken).</summary>
    public const int DefaultGatewayPort = 5080;

    public static void Define(IDistributedApplicationBuilder builder)
    {
        var catalogDb = builder.AddLocalPostgres("postgres").WithPgVector().AddDatabase("catalogdb");
        var cache = builder.AddLocalRedis("cache");
        var messaging = builder.AddLocalRabbitMQ("messaging");

        var geniusToken = builder.AddExternalSetting("genius-access-token", "Genius__AccessToken", secret: true);
        var geniusBaseUrl = builder.AddExternalSetting("genius-base-url", "Genius__BaseUrl");
        var spotifyClientId = builder.AddExternalSetting("spotify-client-id", "Spotify__ClientId");
        var spotifyClientSecret = builder.AddExternalSetting("spotify-client-secret", "Spotify__ClientSecret", secret: true);
        var spotifyApiBaseUrl = builder.AddExternalSetting("spotify-api-base-url", "Spotify__ApiBaseUrl");
        var spotifyAccountsBaseUrl = builder.AddExternalSetting("spotify-accounts-base-url", "Spotify__AccountsBaseUrl");
        var embeddingUrl = builder.AddExternalSetting("embedding-endpoint-url", "EmbeddingEndpoint__Url");
        var embeddingModel = builder.AddExternalSetting("embedding-endpoint-model", "EmbeddingEndpoint__Model");
        var embeddingApiKey = builder.AddExternalSetting("embedding-endpoint-api-key", "EmbeddingEndpoint__ApiKey", secret: true);
        var embeddingDimensions = builder.AddExternalSetting("embedding-endpoint-dimensions", "EmbeddingEndpoint__Dimensions");
        var llmEndpoint = builder.AddExternalSetting("llm-endpoint", "Llm__Endpoint");
        var llmModel = builder.AddExternalSetting("llm-model", "Llm__Model");
        var llmApiKey = builder.AddExternalSetting("llm-api-key", "Llm__ApiKey", secret: true);

        var scraper = builder.AddProject<Projects.Scraper>("scraper").WithServiceEndpoints()
            .WithExternalSetting("Genius__AccessToken", geniusToken)
            .WithExternalSetting("Genius__BaseUrl", geniusBaseUrl)
            .WithReference(cache).WithReference(messaging)
            .WaitFor(cache).WaitFor(messaging)
            .WithErrorQueueReplay();

        var enrichment = builder.AddProject<Projects.Enrichment>("enrichment").WithServiceEndpoints()
            .WithExternalSetting("Spotify__ClientId", spotifyClientId)
            .WithExternalSetting("Spotify__ClientSecret", spotifyClientSecret)
            .WithExternalSetting("Spotify__ApiBaseUrl", spotifyApiBaseUrl)
            .WithExternalSetting("Spotify__AccountsBaseUrl", spotifyAccountsBaseUrl)
            .WithExternalSetting("EmbeddingEndpoint__Url", embeddingUrl)
            .WithExternalSetting("EmbeddingEndpoint__Model", embeddingModel)
            .WithExternalSetting("EmbeddingEndpoint__ApiKey", embeddingApiKey)
            .WithExternalSetting("EmbeddingEndpoint__Dimensions", embeddingDimensions)
            .WithReference(messaging)
            .WaitFor(messaging)
            .WithErrorQueueReplay();

        var catalog = builder.AddProject<Projects.Catalog>("catalog").WithServiceEndpoints()
            .WithReference(catalogDb).WithReference(cache).WithReference(messaging)
            // Search embeds queries with the enrichment's model; while it is away search is text-only, so no WaitFor.
            .WithReference(enrichment)
            .WaitFor(catalogDb).WaitFor(cache).WaitFor(messaging)
            .WithErrorQueueReplay()
            .WithFeatureRefresh().WithSearchIndexRebuild();

        var inference = builder.AddProject<Projects.Inference>("inference").WithServiceEndpoints()
            .WithExternalSetting("Llm__Endpoint", llmEndpoint)
            .WithExternalSetting("Llm__Model", llmModel)
            .WithExternalSetting("Llm__ApiKey", llmApiKey)
            .WithReference(cache).WithReference(messaging).WithReference(catalog).WithReference(enrichment)
            .WaitFor(cache).WaitFor(messaging).WaitFor(catalog).WaitFor(enrichment)
            .WithErrorQueueReplay();

        var styleTransfer = builder.AddProject<Projects.StyleTransfer>("style-transfer").WithServiceEndpoints()
            .WithReference(catalog).WithReference(inference)
            .WaitFor(catalog).WaitFor(inference);

        var quality = builder.AddProject<Projects.Quality>("quality").WithServiceEndpoints()
            .WithReference(messaging)
            .WaitFor(messaging)
            .WithErrorQueueReplay();

        var trends = builder.AddProject<Projects.Trends>("trends").WithServiceEndpoints()
            .WithReference(messaging)
            .WaitFor(messaging)
            .WithErrorQueueReplay();

        builder.AddProject<Projects.Gateway>("gateway").WithGatewayEndpoint(GatewayPort(builder))
            .WithReference(scraper).WithReference(catalog).WithReference(enrichment).WithReference(inference)
            .WithReference(styleTransfer).WithReference(quality).WithReference(trends)
            .WaitFor(scraper).WaitFor(catalog).WaitFor(enrichment).WaitFor(inference)
            .WaitFor(styleTransfer).WaitFor(quality).WaitFor(trends)
            .WithExternalHttpEndpoints();

        builder.Services.AddHostedService<CrashedServiceRestarts>();
        ResourceStateLog.WatchFromStart(builder);
    }

    /// <summary><c>GatewayPort</c> (0: any free port), 5080 by default, another free port when the one asked for is taken.</summary>
    private static int? GatewayPort(IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return null;
        }
        var preferred = int.TryParse(builder.Configuration["GatewayPort"], out var port) ? port : DefaultGatewayPort;
        return LocalServerSettings.Of(builder).Ports.Allocate(preferred);
    }
}
