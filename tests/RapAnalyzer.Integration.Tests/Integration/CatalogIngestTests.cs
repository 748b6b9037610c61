using System.Net.Http.Json;
using MassTransit;
using Npgsql;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Contracts;
using RapAnalyzer.Protos.Catalog;
using CatalogClient = RapAnalyzer.Protos.Catalog.Catalog.CatalogClient;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The catalog's ingest on real Postgres and RabbitMQ: a bad track never costs the good ones of its batch, a track is
/// stored at the limits the importers enforce, and a new version of a stored track replaces it and is enriched again.
/// </summary>
[TestFixture]
public sealed class CatalogIngestTests
{
    private const string ErrorQueue = "catalog-track-scraped_error";

    private ServiceRun _catalog = null!;
    private TestBus<TrackStored> _stored = null!;
    private TestBus<Fault<TrackScraped>> _faults = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // These tests publish enrichment's TrackEnriched by hand; the real enrichment would race them.
        _catalog = await ServiceRun.StartAsync("catalog", notStarted: ["enrichment"]);
        _stored = await TestBus<TrackStored>.StartAsync();
        _faults = await TestBus<Fault<TrackScraped>>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _faults.DisposeAsync();
        await _stored.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    /// <summary>
    /// Publishes a batch of a hundred tracks of a new artist, one of them spoilt, at once; then what the catalog stored of
    /// the artist, what it parked of the spoilt track and the faults it published for the artist's tracks.
    /// </summary>
    private async Task<Ingested> IngestWithOneSpoiltAsync(Func<TrackScraped, TrackScraped> spoil)
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var batch = ScrapedBatch.Of(artist, 100);
        var spoilt = batch[41] = spoil(batch[41]);

        await AtomicPublish.PublishAsync(batch);
        var stored = await Eventually.GetAsync(
            () => _catalog.Http.GetFromJsonAsync<TrackPage>($"/tracks?artist={Uri.EscapeDataString(artist)}&pageSize=200"),
            page => page!.Total >= 99, TimeSpan.FromSeconds(60));
        var parked = await ErrorQueueReader.TakeEventuallyAsync(ErrorQueue, spoilt.SourceId);
        bool Of(Fault<TrackScraped> fault) => fault.Message.SourceId.StartsWith(artist, StringComparison.Ordinal);
        await _faults.WaitForAsync(Of, 1, TimeSpan.FromSeconds(15));
        // Any wrongly faulted other track has had time to follow.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return new Ingested(spoilt, stored!, parked, [.. _faults.Received.Select(c => c.Message).Where(Of)]);
    }

    private sealed record Ingested(TrackScraped Spoilt, TrackPage Stored, IReadOnlyList<ParkedMessage> Parked, IReadOnlyList<Fault<TrackScraped>> Faults)
    {
        public string? Reason => Parked.Single().Headers["MT-Fault-Message"];
    }

    [Test]
    public async Task Given_a_batch_with_one_track_the_rules_refuse_the_catalog_stores_the_other_99()
    {
        var ingested = await IngestWithOneSpoiltAsync(track => track with { Artist = new string('x', 311) });

        Assert.Multiple(() =>
        {
            Assert.That(ingested.Stored.Total, Is.EqualTo(99));
            Assert.That(ingested.Stored.Items.Select(t => t.Title), Does.Not.Contain(ingested.Spoilt.Title));
            Assert.That(ingested.Parked, Has.Count.EqualTo(1));
            Assert.That(ingested.Parked[0].Headers["MT-Reason"], Is.EqualTo("fault"));
            Assert.That(ingested.Reason, Does.Contain($"Track test:{ingested.Spoilt.SourceId} was not stored: artist is 311 characters"));
            Assert.That(ingested.Faults.Select(f => f.Message.SourceId), Is.EqualTo(new[] { ingested.Spoilt.SourceId }));
            Assert.That(ingested.Faults.Single().Exceptions.Single().Message, Does.Contain("artist is 311 characters"));
        });
    }

    [Test]
    public async Task Given_a_batch_with_one_track_the_database_refuses_the_catalog_stores_the_other_99()
    {
        await using var refusedTitle = await RefusedTitle.CreateAsync();

        var ingested = await IngestWithOneSpoiltAsync(track => track with { Title = refusedTitle.Title });

        Assert.Multiple(() =>
        {
            Assert.That(ingested.Stored.Total, Is.EqualTo(99));
            Assert.That(ingested.Parked, Has.Count.EqualTo(1));
            Assert.That(ingested.Reason, Does.Contain(refusedTitle.Constraint));
            Assert.That(ingested.Parked[0].Headers["MT-Fault-ConsumerType"], Is.EqualTo("TrackScrapedConsumer"));
            Assert.That(ingested.Faults.Select(f => f.Message.SourceId), Is.EqualTo(new[] { ingested.Spoilt.SourceId }));
        });
    }

    [Test]
    public async Task A_track_at_the_limits_is_stored_and_its_features_saved()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var lyrics = LyricsAtTheLimits.Build();
        await _stored.Publisher.Publish(new TrackScraped("test", $"{artist}-long", "The Longest Song", artist, lyrics));
        var stored = (await _stored.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromSeconds(60))).Single();
        // A letter a line: what a column of 2,000 characters could not hold.
        var scheme = new string('A', TrackLimits.MaxLyricsLines);
        var features = new TrackFeatures(TrackLimits.MaxLyricsLines, 1, 120_000, 20_008, 0.17, 140_000, 7, 0.5, 0.3, scheme, 900, 95);
        string[] words = [.. Enumerable.Range(0, 120_000).Select(i => $"word{i % 20_008}")];

        await _stored.Publisher.Publish(new TrackEnriched(stored.TrackId, features,
            [new LyricsEmbedding(EmbeddingModels.UseLite, [.. Enumerable.Range(0, EmbeddingModels.UseLiteDimensions).Select(i => i == 0 ? 1f : 0f)])],
            null, words, stored.ContentHash));
        var track = await Eventually.GetAsync(
            () => _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}"), t => t!.Features is not null, TimeSpan.FromSeconds(30));
        var overGrpc = await new CatalogClient(_catalog.Grpc).GetTrackAsync(new GetTrackRequest { TrackId = stored.TrackId.ToString() });

        Assert.Multiple(() =>
        {
            Assert.That(stored.Lyrics, Is.EqualTo(lyrics));
            Assert.That(track!.Lyrics, Is.EqualTo(lyrics));
            Assert.That(track.Features!.EndRhymeScheme, Is.EqualTo(scheme));
            Assert.That(track.Features.Lines, Is.EqualTo(TrackLimits.MaxLyricsLines));
            Assert.That(track.EmbeddingModels, Is.EqualTo(new[] { EmbeddingModels.UseLite }));
            Assert.That(overGrpc.Lyrics, Is.EqualTo(lyrics));
        });
    }

    [Test]
    public async Task A_stored_track_whose_source_sends_other_lyrics_is_updated_in_place_and_announced_again()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var first = new TrackScraped("test", $"{artist}-1", "First Title", artist, "the first version of the verse", Year: 2001);
        await _stored.Publisher.Publish(first);
        var stored = (await _stored.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromSeconds(30))).Single();
        await EnrichAsync(stored, rhymeDensity: 0.1, "the first version", "of the verse");
        var twoSections = await Eventually.GetAsync(() => SectionTextsAsync(stored.TrackId), texts => texts.Count == 2, TimeSpan.FromSeconds(30));
        var twoLines = await LinesAsync(stored.TrackId);
        // A later enrichment of the same lyrics replaces the section vectors, fewer of them included.
        await EnrichAsync(stored, rhymeDensity: 0.1, "the first version of the verse");
        var oneSection = await Eventually.GetAsync(() => SectionTextsAsync(stored.TrackId), texts => texts.Count == 1, TimeSpan.FromSeconds(30));
        var oneLine = await LinesAsync(stored.TrackId);
        await _stored.Publisher.Publish(new TrackAnalyzed(stored.TrackId, "embedded", "1.0", """{"mood":"old"}""", 5, 2001, artist, null));
        await _stored.Publisher.Publish(new QualityScored(stored.TrackId, 4, "q1", 2001, artist));
        await Eventually.GetAsync(() => _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}"),
            t => t!.Features is not null && t.LatestAnalysis is not null && t.Quality is not null, TimeSpan.FromSeconds(30));

        // The same lyrics again, respaced: nothing changes.
        await _stored.Publisher.Publish(first with { Lyrics = "The first version  of the verse!" });
        var second = first with { Title = "Second Title", Lyrics = "a second version, rewritten", Views = 12 };
        await _stored.Publisher.Publish(second);
        var announced = await _stored.WaitForAsync(m => m.Artist == artist, 2, TimeSpan.FromSeconds(30));
        var updated = await _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}");
        var page = await _catalog.Http.GetFromJsonAsync<TrackPage>($"/tracks?artist={Uri.EscapeDataString(artist)}");

        var revisedSections = await SectionTextsAsync(stored.TrackId);
        var revisedLines = await LinesAsync(stored.TrackId);

        Assert.Multiple(() =>
        {
            Assert.That(twoSections, Is.EqualTo(new[] { "the first version", "of the verse" }));
            Assert.That(oneSection, Is.EqualTo(new[] { "the first version of the verse" }));
            Assert.That(revisedSections, Is.Empty, "the old lyrics' sections go with them");
            Assert.That(twoLines, Is.EqualTo(new[] { "the first version @2/512", "of the verse @3/512" }), "the signs are stored bit for bit");
            Assert.That(oneLine, Is.EqualTo(new[] { "the first version of the verse @2/512" }));
            Assert.That(revisedLines, Is.Empty, "the old lyrics' lines go with them");
            Assert.That(announced, Has.Count.EqualTo(2));
            Assert.That(announced[1].TrackId, Is.EqualTo(stored.TrackId));
            Assert.That(announced[1].ContentHash, Is.EqualTo(LyricsHash.Compute(second.Lyrics)));
            Assert.That(announced[1].Lyrics, Is.EqualTo(second.Lyrics));
            Assert.That(page!.Total, Is.EqualTo(1));
            Assert.That((updated!.Title, updated.Lyrics, updated.Views), Is.EqualTo(("Second Title", second.Lyrics, (long?)12)));
            Assert.That(updated.Features, Is.Null);
            Assert.That(updated.EmbeddingModels, Is.Empty);
            Assert.That(updated.LatestAnalysis, Is.Null);
            Assert.That(updated.Quality, Is.Null);
        });

        // An enrichment of the first version arriving late is ignored; the second version's is stored.
        await EnrichAsync(stored, rhymeDensity: 0.1);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var afterStale = await _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}");
        await EnrichAsync(announced[1], rhymeDensity: 0.9, second.Lyrics);
        var reenriched = await Eventually.GetAsync(() => _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}"),
            t => t!.Features is not null, TimeSpan.FromSeconds(30));

        Assert.Multiple(async () =>
        {
            Assert.That(afterStale!.Features, Is.Null);
            Assert.That(reenriched!.Features!.RhymeDensity, Is.EqualTo(0.9));
            Assert.That(await SectionTextsAsync(stored.TrackId), Is.EqualTo(new[] { second.Lyrics }));
            Assert.That(await LinesAsync(stored.TrackId), Is.EqualTo(new[] { $"{second.Lyrics} @2/512" }));
        });
    }

    private Task EnrichAsync(TrackStored stored, double rhymeDensity, params string[] sections)
    {
        float[] Unit(int at) => [.. Enumerable.Range(0, EmbeddingModels.UseLiteDimensions).Select(i => i == at ? 1f : 0f)];
        return _stored.Publisher.Publish(new TrackEnriched(stored.TrackId,
            new TrackFeatures(1, 1, 5, 5, 1, 8, 8, 0, rhymeDensity, "A", 0, 90),
            [new LyricsEmbedding(EmbeddingModels.UseLite, Unit(1), [.. sections.Select((text, i) => new LyricsSectionEmbedding(text, Unit(i + 2)))],
                [.. sections.Select((text, i) => new LyricsLineSigns(text, LyricsLineSigns.Of(Unit(i + 2))))])],
            null, ["the", "verse"], stored.ContentHash));
    }

    private static Task<IReadOnlyList<string>> SectionTextsAsync(Guid trackId) =>
        QueryTextsAsync(trackId, """SELECT "Text" FROM catalog.section_embeddings WHERE "TrackId" = $1 ORDER BY "Ordinal" """);

    // Each line with the position of its one sign set, as the bit string Postgres holds: where Unit put its 1.
    private static Task<IReadOnlyList<string>> LinesAsync(Guid trackId) =>
        QueryTextsAsync(trackId, """
            SELECT "Text" || ' @' || (position('1' in "Signs"::text) - 1) || '/' || length("Signs")
            FROM catalog.line_signs WHERE "TrackId" = $1 ORDER BY "Ordinal"
            """);

    private static async Task<IReadOnlyList<string>> QueryTextsAsync(Guid trackId, string sql)
    {
        await using var connection = new NpgsqlConnection(CatalogDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(trackId);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return texts;
    }
}
