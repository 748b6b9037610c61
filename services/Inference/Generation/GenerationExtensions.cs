using MassTransit;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

public static class GenerationExtensions
{
    /// <summary>The embedded generator: the line index fed by the catalog, its ranker, and the generator over them.</summary>
    public static IHostApplicationBuilder AddGeneration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GenerationOptions, GenerationOptionsValidation>(GenerationOptions.SectionName);
        builder.Services.AddSingleton<PhoneticTranscriber>();
        builder.Services.AddSingleton<LyricsTranscriber>();
        builder.Services.AddSingleton<LinePhonetics>();
        builder.Services.AddSingleton<LineIndex>();
        builder.Services.AddSingleton<GenerationModel>();
        builder.Services.AddSingleton<EmbeddedLyricsGenerator>();
        builder.Services.AddSingleton<LlmLyricsWriter>();
        builder.Services.AddSingleton<GenerationService>();
        builder.Services.AddSingleton<CorpusIndexer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CorpusIndexer>());
        return builder;
    }

    public static IBusRegistrationConfigurator AddGenerationConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<TrackStoredConsumer>();
        return bus;
    }
}
