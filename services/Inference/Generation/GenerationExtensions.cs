using System.ClientModel;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenAI;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Protos.Catalog;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

public static class GenerationExtensions
{
    /// <summary>The embedded generator: the line index fed by the catalog, its ranker, and the generator over them.</summary>
    public static IHostApplicationBuilder AddGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GenerationOptions, GenerationOptionsValidation>(GenerationOptions.SectionName);
        builder.AddGrpcServiceClient<Catalog.CatalogClient>("catalog");
        builder.Services.AddSingleton<PhoneticTranscriber>();
        builder.Services.AddSingleton<LyricsTranscriber>();
        builder.Services.AddSingleton<LinePhonetics>();
        builder.Services.AddSingleton<LineIndex>();
        builder.Services.AddSingleton<GenerationModel>();
        builder.Services.AddSingleton<EmbeddedLyricsGenerator>();
        builder.Services.AddSingleton<LlmLyricsWriter>();
        builder.Services.AddSingleton<GenerationService>();
        // A plain client over the OpenAI-compatible endpoint, unless the service already registers its own; it is only
        // resolved when an endpoint is configured.
        builder.Services.TryAddSingleton(services => ChatClient(services.GetRequiredService<IOptions<LlmOptions>>().Value));
        builder.Services.AddSingleton<CorpusIndexer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CorpusIndexer>());
        return builder;
    }

    private static IChatClient ChatClient(LlmOptions options) =>
        new OpenAI.Chat.ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!), NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds) })
            .AsIChatClient();

    public static IBusRegistrationConfigurator AddGenerationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TrackStoredConsumer>();
        return bus;
    }
}
