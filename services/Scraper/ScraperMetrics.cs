using System.Diagnostics.Metrics;

namespace RapAnalyzer.Scraper;

/// <summary>
/// What an operator watches of ingestion: tracks published per source (<see cref="FromImport"/> a dataset file,
/// <see cref="FromScrape"/> Genius), tracks rejected or failed, and how often the content-hash dedup finds a song already ingested.
/// </summary>
public sealed class ScraperMetrics
{
    public const string TracksImportedName = "rapanalyzer.tracks.imported";
    public const string TracksRejectedName = "rapanalyzer.tracks.rejected";
    public const string DedupHitsName = "rapanalyzer.dedup.hits";
    public const string DedupMissesName = "rapanalyzer.dedup.misses";
    public const string SourceTag = "source";
    public const string FromImport = "import";
    public const string FromScrape = "scrape";

    private readonly Counter<long> _imported;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dedupHits;
    private readonly Counter<long> _dedupMisses;

    public ScraperMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        _imported = meter.CreateCounter<long>(TracksImportedName, "{track}",
            "Tracks published as TrackScraped, by source (import: a dataset file, scrape: Genius).");
        _rejected = meter.CreateCounter<long>(TracksRejectedName, "{track}",
            "Tracks not published because they failed: dataset rows that could not be read or break the rules (import), songs whose details or page could not be had or that break the rules (scrape).");
        _dedupHits = meter.CreateCounter<long>(DedupHitsName, "{track}",
            "Tracks skipped because a song with the same lyrics (content hash) was ingested before.");
        _dedupMisses = meter.CreateCounter<long>(DedupMissesName, "{track}",
            "Tracks whose lyrics (content hash) were not ingested before.");
    }

    public void TracksImported(string source, int count) => _imported.Add(count, new KeyValuePair<string, object?>(SourceTag, source));

    public void TrackRejected(string source) => _rejected.Add(1, new KeyValuePair<string, object?>(SourceTag, source));

    public void DedupLookedUp(int hits, int misses)
    {
        _dedupHits.Add(hits);
        _dedupMisses.Add(misses);
    }
}
