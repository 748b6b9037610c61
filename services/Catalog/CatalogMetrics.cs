using System.Diagnostics.Metrics;

namespace RapAnalyzer.Catalog;

/// <summary>What an operator watches of the catalog: tracks stored and updated, against the scraper's tracks imported.</summary>
public sealed class CatalogMetrics
{
    public const string TracksStoredName = "rapanalyzer.tracks.stored";
    public const string TracksUpdatedName = "rapanalyzer.tracks.updated";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _updated;

    public CatalogMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        _stored = meter.CreateCounter<long>(TracksStoredName, "{track}",
            "New tracks saved (and TrackStored enqueued in the outbox); a redelivery, a new version of a stored track or lyrics already stored are not counted.");
        _updated = meter.CreateCounter<long>(TracksUpdatedName, "{track}",
            "Stored tracks whose source sent other lyrics, saved as their new version (and TrackStored enqueued again).");
    }

    public void TracksStored(int count) => _stored.Add(count);

    public void TracksUpdated(int count) => _updated.Add(count);
}
