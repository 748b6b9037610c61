using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Tests.Dedup;
using RapAnalyzer.Scraper.Tests.Genius;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Scraper.Tests.Import;

/// <summary>What an import records for operators: tracks imported and rejected, and the content-hash dedup's hits and misses.</summary>
public sealed class DatasetImporterMetricsTests
{
    private static readonly KeyValuePair<string, object?> FromImport = new(ScraperMetrics.SourceTag, ScraperMetrics.FromImport);

    private TestMeters _meters = null!;
    private StackExchange.Redis.IConnectionMultiplexer _redis = null!;
    private DatasetImporter _importer = null!;

    [SetUp]
    public void Create()
    {
        _meters = new TestMeters();
        // Redis down: the dedup answers from memory, which is all these counts need.
        _redis = DisconnectedRedis.Connect();
        var metrics = new ScraperMetrics(_meters.Factory);
        var ingested = new IngestedSongs(_redis, metrics, NullLogger<IngestedSongs>.Instance);
        _importer = new DatasetImporter(new RecordingPublishEndpoint(), ingested, metrics, NullLogger<DatasetImporter>.Instance);
    }

    [TearDown]
    public void Dispose()
    {
        _redis.Dispose();
        _meters.Dispose();
    }

    private Task ImportAsync(params string[] lines) =>
        _importer.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), DatasetFormat.Jsonl, new Job("import"),
            CancellationToken.None);

    private static string Row(string id, string lyrics) =>
        $$"""{"id":"{{id}}","title":"Song {{id}}","artist":"MC Example","lyrics":"{{lyrics}}"}""";

    [Test]
    public async Task Tracks_imported_and_rejected_are_counted_per_source()
    {
        using var imported = _meters.Collect<long>(ScraperMetrics.TracksImportedName);
        using var rejected = _meters.Collect<long>(ScraperMetrics.TracksRejectedName);

        await ImportAsync(Row("1", "first line"), "{not json", Row("2", "second line"), Row("3", "first line"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(imported.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That(imported.LastMeasurement!.Tags, Is.EqualTo(new[] { FromImport }));
            Assert.That(rejected.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(1));
            Assert.That(rejected.LastMeasurement!.Tags, Is.EqualTo(new[] { FromImport }));
        }
    }

    [Test]
    public async Task A_second_import_of_the_same_songs_is_all_dedup_hits()
    {
        using var hits = _meters.Collect<long>(ScraperMetrics.DedupHitsName);
        using var misses = _meters.Collect<long>(ScraperMetrics.DedupMissesName);
        using var imported = _meters.Collect<long>(ScraperMetrics.TracksImportedName);

        await ImportAsync(Row("1", "first line"), Row("2", "second line"));
        await ImportAsync(Row("1", "first line"), Row("2", "second line"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(misses.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That(hits.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That(imported.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
        }
    }
}
