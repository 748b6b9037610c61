using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Tests.Genius;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Scraper.Tests.Import;

/// <summary>
/// An import of rows of every kind, as CSV and as JSONL: the same rows meet the same rules in both, each bad row is counted
/// and reported with its line, field and reason, and the good rows around it are published; and what it records on the meter.
/// </summary>
public sealed class DatasetImporterTests
{
    private TestMeters _meters = null!;
    private StackExchange.Redis.IConnectionMultiplexer _redis = null!;
    private RecordingPublishEndpoint _published = null!;
    private DatasetImporter _importer = null!;

    [SetUp]
    public void Create()
    {
        _meters = new TestMeters();
        _redis = DisconnectedRedis.Connect();
        _published = new RecordingPublishEndpoint();
        var metrics = new ScraperMetrics(_meters.Factory);
        var ingested = new IngestedSongs(_redis, metrics, NullLogger<IngestedSongs>.Instance);
        _importer = new DatasetImporter(new TrackPublisher(_published, ingested, metrics), metrics, NullLogger<DatasetImporter>.Instance);
    }

    [TearDown]
    public void Dispose()
    {
        _redis.Dispose();
        _meters.Dispose();
    }

    private sealed record Row(string Id, string Title, string Artist, string Lyrics, string Year = "", string Views = "");

    private static readonly string LongName = new('n', TrackLimits.MaxArtistLength + 11);

    /// <summary>A good row, then one of each kind, then good rows again (ids are the row numbers).</summary>
    private static readonly Row[] Rows =
    [
        new("1", "Good", "MC Example", "first verse of mine", "2001", "10"),
        new("2", "Long Artist", LongName, "second verse"),
        new("3", "Nul", "MC\0Example", "third verse"),
        new("4", "Year Wraps", "MC Example", "fourth verse", Year: "4294969297"),
        new("5", "Far Future", "MC Example", "fifth verse", Year: "99999"),
        new("6", "Negative Views", "MC Example", "sixth verse", Views: "-3"),
        new("7", "Instrumental", "MC Example", "[Instrumental]"),
        new("8", "Headers Only", "MC Example", "[Intro]\n\n[Chorus]\n "),
        new("9", "Same Lyrics", "Another MC", "First verse, of mine!"),
        new("10", "", "MC Example", "tenth verse"),
        new("11", "Good Too", "MC Example", "eleventh verse", "2024", "0"),
    ];

    private static string Csv(IEnumerable<Row> rows) =>
        "id,title,artist,lyrics,year,views\n" + string.Concat(rows.Select(r =>
            $"{r.Id},\"{r.Title}\",\"{r.Artist}\",\"{r.Lyrics.Replace("\"", "\"\"")}\",{r.Year},{r.Views}\n"));

    private static string Jsonl(IEnumerable<Row> rows) =>
        string.Concat(rows.Select(r => JsonSerializer.Serialize(new { id = r.Id, title = r.Title, artist = r.Artist, lyrics = r.Lyrics,
            year = r.Year.Length == 0 ? null : r.Year, views = r.Views.Length == 0 ? null : r.Views }) + "\n"));

    private async Task<JobSnapshot> ImportAsync(string text, DatasetFormat format) => await ImportAsync(Encoding.UTF8.GetBytes(text), format);

    private async Task<JobSnapshot> ImportAsync(byte[] bytes, DatasetFormat format)
    {
        var job = new Job("import");
        await _importer.ImportAsync(new MemoryStream(bytes), format, job, CancellationToken.None);
        return job.Snapshot();
    }

    [TestCase(DatasetFormat.Csv)]
    [TestCase(DatasetFormat.Jsonl)]
    public async Task Every_bad_row_is_reported_with_its_field_and_the_good_ones_are_published(DatasetFormat format)
    {
        var job = await ImportAsync(format == DatasetFormat.Csv ? Csv(Rows) : Jsonl(Rows), format);
        // In the CSV, rows start after the header, and row 8's lyrics take four lines.
        long Line(int row) => format == DatasetFormat.Jsonl ? row : row + 1 + (row > 8 ? 3 : 0);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Found, job.Stored, job.Rejected, job.NoLyrics, job.SkippedDuplicate, job.Updated, job.Failed),
                Is.EqualTo((11L, 2L, 6L, 2L, 1L, 0L, 0L)));
            Assert.That(job.Errors.Select(e => (e.Line, e.Field)), Is.EqualTo(new (long?, string?)[]
            {
                (Line(2), "artist"), (Line(3), "artist"), (Line(4), "year"), (Line(5), "year"), (Line(6), "views"), (Line(10), "title"),
            }));
            Assert.That(job.Errors.Select(e => e.Reason), Is.EqualTo(new[]
            {
                $"is 311 characters long; at most {TrackLimits.MaxArtistLength} are allowed",
                "holds a control character (U+0000) at character 3",
                $"4294969297 is not a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}",
                $"99999 is not a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}",
                "-3 is negative",
                "is missing",
            }));
            Assert.That(_published.Published<TrackScraped>().Select(t => (t.SourceId, t.Year, t.Views)),
                Is.EqualTo(new (string, int?, long?)[] { ("1", 2001, 10), ("11", 2024, 0) }));
        }
    }

    [Test]
    public async Task Invalid_utf8_is_rejected_in_either_format_and_never_stored_as_replacement_characters()
    {
        byte[] csv = [.. "id,title,artist,lyrics\n1,Caf"u8, 0xE9, .. ",A,words\n2,Fine,A,more words\n"u8];
        byte[] jsonl = [.. "{\"id\":\"1\",\"title\":\"Caf"u8, 0xE9, .. "\",\"artist\":\"A\",\"lyrics\":\"words\"}\n{\"id\":\"2\",\"title\":\"Fine\",\"artist\":\"A\",\"lyrics\":\"more words\"}\n"u8];

        var fromCsv = await ImportAsync(csv, DatasetFormat.Csv);
        var fromJsonl = await ImportAsync(jsonl, DatasetFormat.Jsonl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromCsv.Errors.Single(), Is.EqualTo(new JobError(2, null, "title", "is not valid UTF-8 (byte 0xE9 at byte 4)")));
            Assert.That(fromJsonl.Errors.Single(), Is.EqualTo(new JobError(1, null, "title", "is not valid UTF-8 (byte 0xE9 at byte 23)")));
            Assert.That((fromCsv.Stored, fromJsonl.SkippedDuplicate), Is.EqualTo((1L, 1L)));
            Assert.That(_published.Published<TrackScraped>().Any(t => t.Title.Contains('\uFFFD')), Is.False);
        }
    }

    [Test]
    public async Task A_known_source_id_with_new_lyrics_is_published_again_and_counted_as_updated()
    {
        await ImportAsync(Csv([new Row("1", "Song", "A", "the first version")]), DatasetFormat.Csv);

        var job = await ImportAsync(Csv([new Row("1", "Song", "A", "the second version"), new Row("1", "Song", "A", "the second version")]),
            DatasetFormat.Csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Stored, job.Updated, job.SkippedDuplicate), Is.EqualTo((0L, 1L, 1L)));
            Assert.That(_published.Published<TrackScraped>().Select(t => t.Lyrics), Is.EqualTo(new[] { "the first version", "the second version" }));
        }
    }

    [Test]
    public async Task Two_versions_of_a_song_in_one_file_are_published_as_a_song_and_its_update()
    {
        var job = await ImportAsync(Csv([new Row("1", "Song", "A", "version one"), new Row("2", "Other", "A", "other"),
            new Row("1", "Song", "A", "version two")]), DatasetFormat.Csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Stored, job.Updated), Is.EqualTo((2L, 1L)));
            Assert.That(_published.Published<TrackScraped>().Select(t => t.Lyrics), Is.EqualTo(new[] { "version one", "other", "version two" }));
        }
    }

    [Test]
    public async Task Rows_without_lyrics_never_take_a_content_hash()
    {
        var job = await ImportAsync(Csv([new Row("1", "Intro", "A", "[Instrumental]"), new Row("2", "Outro", "A", "(Instrumental)"),
            new Row("3", "Skit", "A", "")]), DatasetFormat.Csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.NoLyrics, job.SkippedDuplicate, job.Stored), Is.EqualTo((3L, 0L, 0L)));
            Assert.That(job.Errors, Is.Empty);
            Assert.That(_published.Published<TrackScraped>(), Is.Empty);
        }
    }

    [Test]
    public async Task A_stray_quote_costs_one_row_reported_as_unterminated()
    {
        var csv = "id,title,artist,lyrics\n1,T,A,one\n2,\"Stray,A,two\n3,T,A,three\n4,T,A,\"four\nlines\"\n";

        var job = await ImportAsync(csv, DatasetFormat.Csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Found, job.Stored, job.Rejected), Is.EqualTo((4L, 3L, 1L)));
            Assert.That(job.Errors.Single().Line, Is.EqualTo(3));
            Assert.That(job.Errors.Single().Reason, Does.StartWith("unterminated quoted field starting at line 3"));
        }
    }

    [Test]
    public async Task Tracks_imported_and_rejected_are_counted_per_source_on_the_meter()
    {
        using var imported = _meters.Collect<long>(ScraperMetrics.TracksImportedName);
        using var rejected = _meters.Collect<long>(ScraperMetrics.TracksRejectedName);
        KeyValuePair<string, object?>[] fromImport = [new(ScraperMetrics.SourceTag, ScraperMetrics.FromImport)];

        await ImportAsync(Jsonl([new Row("1", "One", "A", "first line"), new Row("2", "Two", "A", "second line", Year: "99999"),
            new Row("3", "Three", "A", "first line")]) + "{not json\n", DatasetFormat.Jsonl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(imported.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(1));
            Assert.That(imported.LastMeasurement!.Tags, Is.EqualTo(fromImport));
            Assert.That(rejected.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That(rejected.LastMeasurement!.Tags, Is.EqualTo(fromImport));
        }
    }

    [Test]
    public async Task A_second_import_of_the_same_songs_is_all_dedup_hits()
    {
        using var hits = _meters.Collect<long>(ScraperMetrics.DedupHitsName);
        using var misses = _meters.Collect<long>(ScraperMetrics.DedupMissesName);
        var rows = Csv([new Row("1", "One", "A", "first line"), new Row("2", "Two", "A", "second line")]);

        await ImportAsync(rows, DatasetFormat.Csv);
        var second = await ImportAsync(rows, DatasetFormat.Csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(misses.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That(hits.GetMeasurementSnapshot().EvaluateAsCounter(), Is.EqualTo(2));
            Assert.That((second.Stored, second.SkippedDuplicate), Is.EqualTo((0L, 2L)));
        }
    }

    [Test]
    public async Task Lyrics_of_thousands_of_lines_are_published_whole()
    {
        var lyrics = string.Join('\n', Enumerable.Range(1, 3_000).Select(i => $"line {i} of a very long song"));

        var job = await ImportAsync(Csv([new Row("1", "Long", "A", lyrics)]), DatasetFormat.Csv);

        Assert.That((job.Stored, _published.Published<TrackScraped>().Single().Lyrics), Is.EqualTo((1L, lyrics)));
    }
}
