using MassTransit;
using Microsoft.Extensions.Options;
using RapAnalyzer.Enrichment.Consumers;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Enrichment.Spotify;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Enrichment;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Batches, so one model run embeds many tracks: the encoder is the pipeline's bottleneck.
        builder.AddMessaging("messaging", bus =>
        {
            bus.AddConsumer<TrackStoredConsumer>(consumer =>
                consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(32).SetTimeLimit(TimeSpan.FromMilliseconds(100)).SetConcurrencyLimit(1)));
            bus.AddConsumer<TrackFeaturesRequestedConsumer>();
        });
        builder.AddGrpcServerDefaults();

        builder.Services.AddValidatedOptions<EnrichmentOptions, EnrichmentOptionsValidation>(EnrichmentOptions.SectionName);
        // Loaded as the host starts (after the options are validated), so the first request does not pay for it.
        builder.Services.AddActivatedSingleton(services =>
            PronouncingDictionary.Load(services.GetRequiredService<IOptions<EnrichmentOptions>>().Value.CmuDictionaryPath));
        builder.Services.AddSingleton<WordPronouncer>();
        // eSpeak NG is loaded as the host starts: without libespeak-ng1 the service says so and does not start.
        builder.Services.AddActivatedSingleton<PhoneticTranscriber>();
        builder.Services.AddSingleton<LyricsTranscriber>();
        builder.Services.AddSingleton<TrackFeatureAnalyzer>();

        builder.Services.AddOptions<UniversalSentenceEncoderOptions>().BindConfiguration(UniversalSentenceEncoderOptions.SectionName).ValidateOnStart();
        builder.Services.AddActivatedSingleton(services =>
            UniversalSentenceEncoder.Load(services.GetRequiredService<IOptions<UniversalSentenceEncoderOptions>>().Value));

        builder.Services.AddLyricsEmbedder();
        builder.Services.AddSpotify();
        return builder;
    }
}
