using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost;

/// <summary>The RapAnalyzer system: which resources exist and who references whom.</summary>
public static class AppModel
{
    public static DistributedApplicationModel Create()
    {
        var builder = new DistributedApplicationBuilder();
        Define(builder);
        return builder.Build();
    }

    public static void Define(DistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithPgVector();
        var catalogDb = postgres.AddDatabase("catalogdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        var scraper = builder.AddProject<Projects.Scraper>("scraper").WithGrpcEndpoint()
            .WithEnvironmentFromHost("Genius__AccessToken", "Genius__BaseUrl")
            .WithReference(cache).WithReference(messaging)
            .WaitFor(cache).WaitFor(messaging);

        var catalog = builder.AddProject<Projects.Catalog>("catalog").WithGrpcEndpoint()
            .WithReference(catalogDb).WithReference(messaging)
            .WaitFor(catalogDb).WaitFor(messaging);

        var enrichment = builder.AddProject<Projects.Enrichment>("enrichment").WithGrpcEndpoint()
            .WithEnvironmentFromHost("Spotify__ClientId", "Spotify__ClientSecret", "Spotify__ApiBaseUrl", "Spotify__AccountsBaseUrl")
            .WithEnvironmentFromHost("EmbeddingEndpoint__Url", "EmbeddingEndpoint__Model", "EmbeddingEndpoint__ApiKey", "EmbeddingEndpoint__Dimensions")
            .WithReference(messaging)
            .WaitFor(messaging);

        var inference = builder.AddProject<Projects.Inference>("inference").WithGrpcEndpoint()
            .WithEnvironmentFromHost("Llm__Endpoint", "Llm__Model", "Llm__ApiKey")
            .WithReference(cache).WithReference(messaging)
            .WaitFor(cache).WaitFor(messaging);

        var styleTransfer = builder.AddProject<Projects.StyleTransfer>("style-transfer").WithGrpcEndpoint()
            .WithReference(catalog).WithReference(inference)
            .WaitFor(catalog).WaitFor(inference);

        var quality = builder.AddProject<Projects.Quality>("quality").WithGrpcEndpoint()
            .WithReference(messaging)
            .WaitFor(messaging);

        var trends = builder.AddProject<Projects.Trends>("trends").WithGrpcEndpoint()
            .WithReference(messaging)
            .WaitFor(messaging);

        builder.AddProject<Projects.Gateway>("gateway")
            .WithReference(scraper).WithReference(catalog).WithReference(enrichment).WithReference(inference)
            .WithReference(styleTransfer).WithReference(quality).WithReference(trends)
            .WaitFor(scraper).WaitFor(catalog).WaitFor(enrichment).WaitFor(inference)
            .WaitFor(styleTransfer).WaitFor(quality).WaitFor(trends)
            .WithExternalHttpEndpoints();
    }
}
