using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
    private TestBus<Fault<TrackScraped>> _faults = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // These tests publish enrichment's TrackEnriched by hand; the real enrichment would race them.
        _catalog = await ServiceRun.StartAsync("catalog", notStarted: ["enrichment"]);
        _bus = await TestBus<TrackStored>.StartAsync();
        _faults = await TestBus<Fault<TrackScraped>>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _faults.DisposeAsync();
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
        var overGrpc = await new CatalogClient(_catalog.Grpc).GetTrackAsync(new GetTrackRequest { TrackId = stored.TrackId.ToString() });
        var artistDetails = await _catalog.Http.GetFromJsonAsync<ArtistDetails>($"/artists/{Uri.EscapeDataString(artist)}");
        var counts = await CountRowsAsync(stored.TrackId);
        var smallIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("text-embedding-3-small/64"));
        var largeIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("text-embedding-3-large"));
        var tooLargeIndex = await IndexDefinitionAsync(EmbeddingIndexes.IndexName("very-large-model"));

        Assert.Multiple(() =>
        {
            // Every feature as enrichment sent it, over HTTP and gRPC alike.
            Assert.That(track!.Features, Is.EqualTo(features));
            Assert.That(JsonSerializer.Deserialize<TrackFeatures>(overGrpc.FeaturesJson, JsonSerializerOptions.Web), Is.EqualTo(features));
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
    public async Task A_refused_track_lands_in_the_error_queue_and_a_replay_consumes_it_again()
    {
        var refused = new TrackScraped("test", $"long-{Guid.NewGuid():N}", new string('x', 600), "MC Example", "Some lyrics here");
        await _bus.Publisher.Publish(refused);

        var parked = await Eventually.GetAsync(
            () => ErrorCountAsync("catalog-track-scraped"), count => count >= 1, TimeSpan.FromSeconds(30));
        using var replay = await _catalog.Http.PostAsync("/errors/catalog-track-scraped/replay", null);
        var replayed = await replay.Content.ReadFromJsonAsync<ReplayResult>();
        // Consumed again, it is refused again for the same reason.
        var faults = await _faults.WaitForAsync(f => f.Message.SourceId == refused.SourceId, 2, TimeSpan.FromSeconds(30));
        var parkedAgain = await ErrorQueueReader.TakeEventuallyAsync("catalog-track-scraped_error", refused.SourceId);
        using var unknown = await _catalog.Http.PostAsync("/errors/not-a-queue/replay", null);

        Assert.Multiple(async () =>
        {
            Assert.That(parked, Is.GreaterThanOrEqualTo(1));
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replayed!.Replayed, Is.GreaterThanOrEqualTo(1));
            Assert.That(faults, Has.Count.EqualTo(2));
            Assert.That(parkedAgain.Single().Headers["MT-Fault-Message"], Does.Contain("title is 600 characters"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("queue"));
        });
    }

    [Test]
    public async Task A_replay_of_a_queue_that_never_failed_moves_nothing()
    {
        using var replay = await _catalog.Http.PostAsync("/errors/catalog-quality-scored/replay", null);
        var replayed = await replay.Content.ReadFromJsonAsync<ReplayResult>();

        Assert.Multiple(() =>
        {
            Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replayed, Is.EqualTo(new ReplayResult("catalog-quality-scored", 0)));
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
        await using var connection = new NpgsqlConnection(CatalogDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = 'catalog' AND indexname = $1", connection);
        command.Parameters.AddWithValue(name);
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<(long Embeddings, long Analyses, long Scores)> CountRowsAsync(Guid trackId)
    {
        await using var connection = new NpgsqlConnection(CatalogDatabase.ConnectionString);
        await connection.OpenAsync();
        async Task<long> CountAsync(string table)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM catalog.{table} WHERE \"TrackId\" = $1", connection);
            command.Parameters.AddWithValue(trackId);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        return (await CountAsync("track_embeddings"), await CountAsync("analyses"), await CountAsync("quality_scores"));
    }

    [TestCase("/tracks?pageSize=500", "pageSize")]
    [TestCase("/tracks?page=2147483647", "page")]
    [TestCase("/tracks?page=33554433&pageSize=128", "page")]
    [TestCase("/tracks?page=abc", "page")]
    [TestCase("/tracks?yearFrom=1990.5", "yearFrom")]
    [TestCase("/tracks?artist=MC%00Example", "artist")]
    [TestCase("/artists/", "name")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string target, string field)
    {
        using var response = await _catalog.Http.GetAsync(target);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain($"\"{field}\":["));
        });
    }

    [Test]
    public async Task Empty_parameters_as_the_READMEs_template_leaves_them_mean_no_filter()
    {
        using var response = await _catalog.Http.GetAsync("/tracks?artist=&yearFrom=&yearTo=&page=&pageSize=");
        var empty = await response.Content.ReadFromJsonAsync<TrackPage>();
        var all = await _catalog.Http.GetFromJsonAsync<TrackPage>("/tracks");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((empty!.Total, empty.Page, empty.PageSize), Is.EqualTo((all!.Total, 1, 20)));
        });
    }

    [Test]
    public async Task A_page_past_the_last_is_empty_and_labelled_as_asked()
    {
        var page = await _catalog.Http.GetFromJsonAsync<TrackPage>("/tracks?page=10000000&pageSize=200");

        Assert.Multiple(() =>
        {
            Assert.That(page!.Items, Is.Empty);
            Assert.That((page.Page, page.PageSize), Is.EqualTo((10000000, 200)));
        });
    }

    [Test]
    public async Task Bad_input_over_grpc_is_InvalidArgument_naming_the_field()
    {
        var client = new CatalogClient(_catalog.Grpc);
        var farPage = Assert.ThrowsAsync<RpcException>(async () => await client.ListTracksAsync(
            new ListTracksRequest { Page = new RapAnalyzer.Protos.PageRequest { Page = 33554433, PageSize = 128 } }));
        var nulArtist = Assert.ThrowsAsync<RpcException>(async () => await client.ListTracksAsync(new ListTracksRequest { Artist = "MC\0Example" }));
        var nulName = Assert.ThrowsAsync<RpcException>(async () => await client.GetArtistAsync(new GetArtistRequest { Name = "MC\0Example" }));

        Assert.Multiple(() =>
        {
            Assert.That(farPage!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(farPage.Status.Detail, Does.StartWith("page "));
            Assert.That(nulArtist!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(nulArtist.Status.Detail, Does.StartWith("artist "));
            Assert.That(nulName!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(nulName.Status.Detail, Does.StartWith("name "));
        });
    }

    [TestCase("AC%2FDC")]
    [TestCase("AC%2fDC")]
    [TestCase("AC/DC")]
    public async Task An_artist_with_a_slash_in_the_name_is_read_escaped_or_not(string escapedName)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var artist = $"AC/DC {suffix}";
        await _bus.Publisher.Publish(new TrackScraped("test", $"{artist}-1", "Highway", artist, $"Riffs and more riffs {suffix}", Year: 1979));
        await _bus.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromSeconds(30));

        var details = await _catalog.Http.GetFromJsonAsync<ArtistDetails>($"/artists/{escapedName}%20{suffix}");
        var overGrpc = await new CatalogClient(_catalog.Grpc).GetArtistAsync(new GetArtistRequest { Name = artist });

        Assert.Multiple(() =>
        {
            Assert.That(details!.Name, Is.EqualTo(artist));
            Assert.That(details.Tracks, Is.EqualTo(1));
            Assert.That(overGrpc.Name, Is.EqualTo(artist));
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
