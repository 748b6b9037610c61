using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Inference.Tests.Generation;
using RapAnalyzer.Protos.Catalog;
using CatalogClient = RapAnalyzer.Protos.Catalog.Catalog.CatalogClient;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The inference service's generator on real infrastructure: tracks stored by the catalog (Postgres) reach its line
/// index over RabbitMQ and the catalog's gRPC corpus, its ranker trains on them, and <c>POST /generate</c> answers.
/// </summary>
[TestFixture]
public sealed class GenerationServiceTests
{
    private const int Tracks = 60;

    private ServiceRun _inference = null!;
    private TestBus<TrackStored> _bus = null!;
    private GrpcChannel _catalog = null!;
    private string _artist = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The inference service waits for the catalog, so both run.
        _inference = await ServiceRun.StartAsync("inference");
        _catalog = GrpcChannel.ForAddress(_inference.App.GetEndpoint("catalog", "grpc"));
        _bus = await TestBus<TrackStored>.StartAsync();
        _artist = $"MC Corpus {Guid.NewGuid():N}";
        var seed = Random.Shared.Next();
        TestContext.Progress.WriteLine($"rhyming corpus seed {seed}");
        var number = 0;
        foreach (var (artist, lyrics) in RhymingCorpus.Tracks(Tracks, seed, _artist))
        {
            number++;
            await _bus.Publisher.Publish(new TrackScraped("test", $"{_artist}-{number}", $"Song {number}", artist, lyrics, Year: 2010));
        }
        await _bus.WaitForAsync(m => m.Artist == _artist, Tracks, TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _catalog.Dispose();
        await _bus.DisposeAsync();
        await _inference.DisposeAsync();
    }

    [Test]
    public async Task The_catalog_streams_an_artists_lyrics_in_pages()
    {
        var client = new CatalogClient(_catalog);
        var first = await ReadAsync(client.StreamLyrics(new LyricsPageRequest { Artist = _artist, Limit = 25 }));
        var second = await ReadAsync(client.StreamLyrics(new LyricsPageRequest { Artist = _artist, Limit = 1000, AfterTrackId = first[^1].TrackId }));
        var bad = Assert.ThrowsAsync<RpcException>(async () => await ReadAsync(client.StreamLyrics(new LyricsPageRequest { Limit = 5000 })));

        Assert.Multiple(() =>
        {
            Assert.That(first, Has.Count.EqualTo(25));
            Assert.That(second, Has.Count.EqualTo(Tracks - 25));
            Assert.That(first.Concat(second).Select(t => t.TrackId), Is.Unique);
            Assert.That(first.Concat(second).Select(t => t.Artist), Is.All.EqualTo(_artist));
            Assert.That(first[0].Lyrics, Does.Contain("[Verse 1]"));
            Assert.That(bad!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        });
    }

    [Test]
    public async Task Generates_lines_from_the_artists_corpus_keeping_the_asked_rhymes()
    {
        var request = new { prompt = "the studio microphone", artist = _artist.ToUpperInvariant(), lines = 8, rhymeScheme = "AABB", seed = 9 };
        // The ranker trains once the arriving tracks give it enough verses.
        var lyrics = await Eventually.GetAsync(() => GenerateAsync(request), l => l is not null, TimeSpan.FromSeconds(120));
        var again = await GenerateAsync(request);
        var info = await _inference.Http.GetFromJsonAsync<GeneratorInfo>("/generate/info", JsonSerializerOptions.Web);

        Assert.Multiple(() =>
        {
            Assert.That(lyrics!.Lines, Has.Count.EqualTo(8));
            Assert.That(lyrics.Lines.Select(l => l.SourceArtist), Is.All.EqualTo(_artist));
            Assert.That(lyrics.Lines.Where((_, i) => i % 2 == 1).Select(l => l.Rhyme.Kept), Is.All.True);
            Assert.That(lyrics.MeasuredScheme[1], Is.EqualTo(lyrics.MeasuredScheme[0]));
            Assert.That(lyrics.RhymeDensity, Is.GreaterThan(0));
            Assert.That(lyrics.Generator, Is.EqualTo("embedded"));
            Assert.That(again!.Lines.Select(l => l.Text), Is.EqualTo(lyrics.Lines.Select(l => l.Text)));
            Assert.That(info!.Tracks, Is.GreaterThanOrEqualTo(Tracks));
            Assert.That(info.Build, Is.Not.Null);
            Assert.That(info.Ranker!.Queries, Is.GreaterThanOrEqualTo(RankerTraining.MinimumQueries));
        });
    }

    [Test]
    public async Task Names_the_field_of_a_bad_request()
    {
        using var lines = await _inference.Http.PostAsJsonAsync("/generate", new { prompt = "x y", lines = 65 });
        using var scheme = await _inference.Http.PostAsJsonAsync("/generate", new { prompt = "x y", rhymeScheme = "AAAA" });
        using var artist = await _inference.Http.PostAsJsonAsync("/generate", new { prompt = "x y", artist = $"Nobody {Guid.NewGuid():N}" });
        using var notJson = await _inference.Http.PostAsync("/generate", new StringContent("{\"prompt\": 5", System.Text.Encoding.UTF8, "application/json"));

        Assert.Multiple(async () =>
        {
            Assert.That(lines.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await lines.Content.ReadAsStringAsync(), Does.Contain("\"lines\""));
            Assert.That(scheme.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await scheme.Content.ReadAsStringAsync(), Does.Contain("\"rhymeScheme\""));
            Assert.That(artist.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await artist.Content.ReadAsStringAsync(), Does.Contain("artist"));
            Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await notJson.Content.ReadAsStringAsync(), Does.Not.Contain("   at "));
        });
    }

    private async Task<GeneratedLyrics?> GenerateAsync(object request)
    {
        using var response = await _inference.Http.PostAsJsonAsync("/generate", request);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<GeneratedLyrics>(JsonSerializerOptions.Web) : null;
    }

    private static async Task<List<TrackLyrics>> ReadAsync(AsyncServerStreamingCall<TrackLyrics> call)
    {
        using (call)
        {
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }
    }
}
