using System.Diagnostics.Metrics;

namespace RapAnalyzer.Enrichment;

/// <summary>
/// What an operator watches of enrichment, the pipeline's bottleneck: tracks enriched, how long a batch takes, and
/// for each embedding model how long a run takes and how many tracks it embeds at once.
/// </summary>
public sealed class EnrichmentMetrics
{
    public const string TracksEnrichedName = "rapanalyzer.tracks.enriched";
    public const string EnrichmentDurationName = "rapanalyzer.enrichment.duration";
    public const string EmbeddingDurationName = "rapanalyzer.embedding.duration";
    public const string EmbeddingBatchSizeName = "rapanalyzer.embedding.batch_size";
    public const string ModelTag = "model";

    // The default buckets (0 to 10,000) suit milliseconds; these span a one-track run to a slow endpoint's timeout.
    private static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly IReadOnlyList<int> BatchSizeBuckets = [1, 2, 4, 8, 16, 32, 64, 128];

    private readonly Counter<long> _enriched;
    private readonly Histogram<double> _enrichmentDuration;
    private readonly Histogram<double> _embeddingDuration;
    private readonly Histogram<int> _embeddingBatchSize;

    public EnrichmentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        _enriched = meter.CreateCounter<long>(TracksEnrichedName, "{track}", "Tracks enriched and published as TrackEnriched.");
        _enrichmentDuration = meter.CreateHistogram(EnrichmentDurationName, "s",
            "Time to enrich one batch of stored tracks (features, embeddings, Spotify metadata) until TrackEnriched is published.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _embeddingDuration = meter.CreateHistogram(EmbeddingDurationName, "s",
            "Time one embedding model (tag model) takes to embed a batch of tracks; runs that fail are not recorded.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _embeddingBatchSize = meter.CreateHistogram(EmbeddingBatchSizeName, "{track}",
            "Tracks one embedding model (tag model) embeds in one run.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchSizeBuckets });
    }

    public void BatchEnriched(int tracks, TimeSpan duration)
    {
        _enriched.Add(tracks);
        _enrichmentDuration.Record(duration.TotalSeconds);
    }

    public void Embedded(string model, int tracks, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>(ModelTag, model);
        _embeddingDuration.Record(duration.TotalSeconds, tag);
        _embeddingBatchSize.Record(tracks, tag);
    }
}
