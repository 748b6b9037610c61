using System.Diagnostics.Metrics;

namespace RapAnalyzer.Catalog;

/// <summary>What an operator watches of the catalog: tracks stored, against the scraper's tracks imported.</summary>
public sealed class CatalogMetrics
{
    public const string TracksStoredName = "rapanalyzer.tracks.stored";

    private readonly Counter<long> _stored;

    public CatalogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        _stored = meter.CreateCounter<long>(TracksStoredName, "{track}",
            "New tracks saved (and TrackStored enqueued in the outbox); a redelivery or a track already stored by source id or lyrics is not counted.");
    }

    public void TracksStored(int count) => _stored.Add(count);
}
