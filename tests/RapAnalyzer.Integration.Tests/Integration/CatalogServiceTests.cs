using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using MassTransit;
using Npgsql;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;
using RapAnalyzer.Messaging;
using RapAnalyzer.Protos.Catalog;
using CatalogClient = RapAnalyzer.Protos.Catalog.Catalog.CatalogClient;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The catalog as a process on real Postgres and RabbitMQ: stores scraped tracks once and announces each once.</summary>
[TestFixture]
public sealed class CatalogServiceTests
{
    private ServiceRun _catalog = null!;
    private TestBus<TrackStored> _bus = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _catalog = await ServiceRun.StartAsync("catalog");
        _bus = await TestBus<TrackStored>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    [Test]
    public async Task Reports_its_database_and_bus_healthy()
    {
        await HealthAssertions.AssertHealthyAsync(_catalog.Http, "catalogdb", "masstransit-bus");
        await HealthAssertions.AssertGrpcServingAsync(_catalog.Grpc);
    }

    [Test]
    public async Task Stores_a_scraped_track_once_however_often_it_arrives()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var first = new TrackScraped("test", $"{artist}-1", "First Song", artist, "Bars on bars\nrhymes on time", Year: 2004);
        var sameLyricsOtherSource = first with { Source = "other", SourceId = $"{artist}-x", Lyrics = "BARS on bars,\n  rhymes on time!" };
        var second = new TrackScraped("test", $"{artist}-2", "Second Song", artist, "A different verse entirely", Year: 2006);

        await _bus.Publisher.Publish(first);
        await _bus.Publisher.Publish(first);
        await _bus.Publisher.Publish(sameLyricsOtherSource);
        await _bus.Publisher.Publish(second);

        var page = await Eventually.GetAsync(
            () => _catalog.Http.GetFromJsonAsync<TrackPage>($"/tracks?artist={Uri.EscapeDataString(artist)}")!,
            p => p!.Total >= 2, TimeSpan.FromSeconds(30));
        var stored = await _bus.WaitForAsync(m => m.Artist == artist, 2, TimeSpan.FromSeconds(15));
        // Give any wrongly duplicated event time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Multiple(() =>
        {
            Assert.That(page!.Total, Is.EqualTo(2));
            Assert.That(page.Items.Select(t => t.Title), Is.EquivalentTo(new[] { "First Song", "Second Song" }));
            Assert.That(_bus.Received.Count(c => c.Message.Artist == artist), Is.EqualTo(2));
            Assert.That(stored.Select(s => s.TrackId), Is.EquivalentTo(page.Items.Select(t => t.Id)));
        });
    }

    [Test]
    public async Task Serves_a_stored_track_over_http_and_grpc()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        await _bus.Publisher.Publish(new TrackScraped("test", $"{artist}-1", "Only Song", artist, "Just one verse here", Year: 1999));
        var page = await Eventually.GetAsync(
            () => _catalog.Http.GetFromJsonAsync<TrackPage>($"/tracks?artist={Uri.EscapeDataString(artist)}")!,
            p => p!.Total >= 1, TimeSpan.FromSeconds(30));
        var id = page!.Items.Single().Id;

        var overHttp = await _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{id}");
        var overGrpc = await new CatalogClient(_catalog.Grpc).GetTrackAsync(new GetTrackRequest { TrackId = id.ToString() });

        Assert.Multiple(() =>
        {
            Assert.That(overHttp!.Lyrics, Is.EqualTo("Just one verse here"));
            Assert.That(overHttp.Year, Is.EqualTo(1999));
            Assert.That(overGrpc.Title, Is.EqualTo("Only Song"));
            Assert.That(overGrpc.Artist, Is.EqualTo(artist));
        });
    }

    [Test]
    public async Task Stores_enrichment_analysis_and_quality_once_and_serves_them_with_the_track()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        await _bus.Publisher.Publish(new TrackScraped("test", $"{artist}-1", "Enriched Song", artist, "Words words and more words", Year: 2012));
        var stored = (await _bus.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromSeconds(30))).Single();
        var features = new TrackFeatures(4, 1, 5, 3, 0.6, 7, 1.75, 0.1875, 0.4, "AABB", 1, 88.5);
        var vector = Enumerable.Range(0, EmbeddingModels.UseLiteDimensions).Select(i => i == 3 ? 1f : 0f).ToArray();
        // Models of different sizes share the table; each keeps its own vector, indexed as pgvector allows its size.
        static float[] Unit(int dimensions) => [.. Enumerable.Range(0, dimensions).Select(i => i == 5 ? 1f : 0f)];
        var enriched = new TrackEnriched(stored.TrackId, features,
            [
                new LyricsEmbedding(EmbeddingModels.UseLite, vector),
                new LyricsEmbedding("text-embedding-3-small/64", Unit(64)),
                new LyricsEmbedding("text-embedding-3-large", Unit(3072)),
                new LyricsEmbedding("very-large-model", Unit(4096)),
            ],
            new SpotifyMetadata("sp1", 71, "The Album", "2012-05-01", 215000, true), ["words", "words", "and", "more", "words"]);

        await _bus.Publisher.Publish(enriched);
        await _bus.Publisher.Publish(enriched);
        var analysisId = Guid.NewGuid();
        var analyzed = new TrackAnalyzed(stored.TrackId, "embedded", "1.0", """{"mood":"bold"}""", 12.5, 2012, artist, features);
        await _bus.Publisher.Publish(analyzed, (PublishContext<TrackAnalyzed> c) => c.MessageId = analysisId);
        await _bus.Publisher.Publish(analyzed, (PublishContext<TrackAnalyzed> c) => c.MessageId = analysisId);
        await _bus.Publisher.Publish(new QualityScored(stored.TrackId, 6.5, "q1", 2012, artist));
        await _bus.Publisher.Publish(new QualityScored(stored.TrackId, 7.25, "q1", 2012, artist));

        var track = await Eventually.GetAsync(
            () => _catalog.Http.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}")!,
            t => t!.Features is not null && t.LatestAnalysis is not null && t.Quality?.Score == 7.25, TimeSpan.FromSeconds(30));
        var artistDetails = await _catalog.Http.GetFromJsonAsync<ArtistDetails>($"/artists/{Uri.EscapeDataString(artist)}");
        var counts = await CountRowsAsync(stored.TrackId);
        var smallIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("text-embedding-3-small/64"));
        var largeIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("text-embedding-3-large"));
        var tooLargeIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("very-large-model"));

        Assert.Multiple(() =>
        {
            Assert.That(track!.Features!.RhymeDensity, Is.EqualTo(0.4));
            Assert.That(track.Features.EndRhymeScheme, Is.EqualTo("AABB"));
            Assert.That(track.EmbeddingModels, Is.EquivalentTo(new[] { EmbeddingModels.UseLite, "text-embedding-3-small/64", "text-embedding-3-large", "very-large-model" }));
            Assert.That(track.Spotify!.Popularity, Is.EqualTo(71));
            Assert.That(track.LatestAnalysis!.Analyzer, Is.EqualTo("embedded"));
            Assert.That(track.Quality!.Score, Is.EqualTo(7.25));
            Assert.That(counts, Is.EqualTo((Embeddings: 4L, Analyses: 1L, Scores: 1L)));
            Assert.That(smallIndex, Does.Contain("USING hnsw").And.Contain("vector(64)").And.Contain("vector_cosine_ops").And.Contain("'text-embedding-3-small/64'"));
            Assert.That(largeIndex, Does.Contain("USING hnsw").And.Contain("halfvec(3072)").And.Contain("halfvec_cosine_ops"));
            Assert.That(tooLargeIndex, Is.Null);
            Assert.That(artistDetails!.Tracks, Is.EqualTo(1));
            Assert.That(artistDetails.EnrichedTracks, Is.EqualTo(1));
            Assert.That(artistDetails.Vocabulary, Is.EqualTo(new VocabularyFigure(3, 5, false)));
        });
    }

    [Test]
    public async Task A_message_that_keeps_failing_lands_in_the_error_queue_and_can_be_replayed()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        // A title longer than the column allows fails on every attempt.
        await _bus.Publisher.Publish(new TrackScraped("test", $"{artist}-long", new string('x', 600), artist, "Some lyrics here"));

        var parked = await Eventually.GetAsync(
            () => ErrorCountAsync("catalog-track-scraped"), count => count >= 1, TimeSpan.FromSeconds(90));
        using var replay = await _catalog.Http.PostAsync("/errors/catalog-track-scraped/replay", null);
        var replayed = await replay.Content.ReadFromJsonAsync<ReplayResult>();
        var afterReplay = await ErrorCountAsync("catalog-track-scraped");
        using var unknown = await _catalog.Http.PostAsync("/errors/not-a-queue/replay", null);

        Assert.Multiple(async () =>
        {
            Assert.That(parked, Is.EqualTo(1));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replayed!.Replayed, Is.EqualTo(1));
            Assert.That(afterReplay, Is.Zero);
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("queue"));
        });
    }

    private async Task<uint> ErrorCountAsync(string queue)
    {
        var queues = await _catalog.Http.GetFromJsonAsync<List<ErrorQueueCount>>("/errors");
        return queues!.Single(q => q.Queue == queue).Messages;
    }

    [Test]
    public async Task Has_an_hnsw_cosine_index_for_use_lite_vectors()
    {
        var definition = await IndexDefinitionAsync("IX_track_embeddings_use_lite_hnsw");
        Assert.That(definition, Does.Contain("USING hnsw").And.Contain("vector_cosine_ops").And.Contain(EmbeddingModels.UseLite));
    }

    private static async Task<string?> IndexDefinitionAsync(string name)
    {
        await using var connection = new NpgsqlConnection(CatalogDatabase());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'catalog' AND indexname = $1", connection);
        command.Parameters.AddWithValue(name);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static string CatalogDatabase() =>
        new NpgsqlConnectionStringBuilder(TestInfrastructure.ConnectionString("postgres")) { Database = "catalogdb" }.ConnectionString;

    private static async Task<(long Embeddings, long Analyses, long Scores)> CountRowsAsync(Guid trackId)
    {
        await using var connection = new NpgsqlConnection(CatalogDatabase());
        await connection.OpenAsync();
        async Task<long> CountAsync(string table)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM catalog.{table} WHERE \"TrackId\" = $1", connection);
            command.Parameters.AddWithValue(trackId);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await CountAsync("track_embeddings"), await CountAsync("analyses"), await CountAsync("quality_scores"));
    }

    [Test]
    public async Task Rejects_bad_paging_with_problem_details_naming_the_field()
    {
        using var response = await _catalog.Http.GetAsync("/tracks?pageSize=500");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain("pageSize"));
        });
    }

    [Test]
    public async Task Answers_404_for_an_unknown_track_and_grpc_NotFound()
    {
        using var response = await _catalog.Http.GetAsync($"/tracks/{Guid.NewGuid()}");
        var error = Assert.ThrowsAsync<RpcException>(async () =>
            await new CatalogClient(_catalog.Grpc).GetTrackAsync(new GetTrackRequest { TrackId = Guid.NewGuid().ToString() }));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.NotFound));
        });
    }
}
