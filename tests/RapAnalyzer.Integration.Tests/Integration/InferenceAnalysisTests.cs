using System.Net;
using System.Net.Http.Json;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Apis;
using RapAnalyzer.ServiceDefaults.Caching;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Inference on the real infrastructure, with catalog and enrichment running and a fake LLM: analyses measured by
/// enrichment and cached in Redis, bad input named, and the durable LLM queue surviving a restart mid-drain.
/// </summary>
[TestFixture]
public sealed partial class InferenceAnalysisTests
{
    private const string Lyrics = """
        [Verse 1]
        I'm counting money on the top floor, the city at my feet
        Every day a victory, the hustle never sleeps
        My family is proud, we made it out the street
        """;

    private FakeOpenAiServer _llm = null!;
    private ServiceRun _inference = null!;
    private HttpClient _catalog = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync();
        _inference = await ServiceRun.StartAsync("inference", new Dictionary<string, string>
        {
            ["Llm__Endpoint"] = _llm.ApiUrl,
            ["Llm__ApiKey"] = FakeOpenAiServer.ApiKey,
            ["Llm__Model"] = FakeOpenAiServer.ChatModel,
        });
        _catalog = _inference.App.CreateHttpClient("catalog", "http");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _catalog.Dispose();
        await _inference.DisposeAsync();
        await _llm.DisposeAsync();
    }

    [SetUp]
    public void AnswerAtOnce() => _llm.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis);

    [Test]
    public async Task An_embedded_analysis_is_measured_by_enrichment_and_a_repeat_is_served_from_redis()
    {
        var lyrics = $"{Lyrics}\nA line of its own {Guid.NewGuid():N}";
        var before = await StatsAsync();

        var first = await AnalyzeAsync(new { lyrics, analyzer = "embedded" });
        var second = await AnalyzeAsync(new { lyrics, analyzer = "embedded" });
        var after = await StatsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first.Analyzer, Is.EqualTo("embedded"));
            Assert.That(first.Degraded, Is.Null, "enrichment measured the features and embedded the sections");
            Assert.That(first.Features!.Lines, Is.EqualTo(4));
            Assert.That(first.Judgement.Complexity, Is.InRange(1, 10));
            Assert.That(first.Judgement.Themes, Is.Not.Empty);
            Assert.That(first.Cached, Is.False);
            Assert.That(second.Cached, Is.True);
            Assert.That(second.Judgement, Is.EqualTo(first.Judgement).Using<AnalysisJudgement>((a, b) =>
                System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b)));
            Assert.That(after.Hits, Is.GreaterThan(before.Hits));
            Assert.That(after.Entries, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task An_llm_that_answers_no_analysis_hands_over_to_the_embedded_analyzer_with_its_sections_embedded()
    {
        _llm.ChatAnswer = _ => FakeChatAnswer.Content("Sure! Here is what I think of these lyrics: they are great.");

        var analysis = await AnalyzeAsync(new { lyrics = $"{Lyrics}\n{Guid.NewGuid():N}", analyzer = "llm" });

        Assert.Multiple(() =>
        {
            Assert.That(analysis.Analyzer, Is.EqualTo("embedded"));
            Assert.That(analysis.Degraded, Is.Not.Null.And.Not.Contain("Enrichment did not"), "only the LLM failed");
            Assert.That(analysis.Features!.Lines, Is.EqualTo(4));
            Assert.That(analysis.Judgement.Themes, Is.Not.Empty, "the sections were embedded after the LLM failed");
        });
    }

    [Test]
    public async Task Auto_asks_the_configured_llm_and_bad_input_is_named()
    {
        var analysis = await AnalyzeAsync(new { lyrics = $"{Lyrics}\n{Guid.NewGuid():N}" });
        using var unknownAnalyzer = await _inference.Http.PostAsJsonAsync("/analyze", new { lyrics = "x", analyzer = "gpt" });
        using var numberLyrics = await _inference.Http.PostAsync("/analyze", JsonContent.Create(new { lyrics = 42 }));
        using var unknownTrack = await _inference.Http.PostAsJsonAsync("/analyze", new { trackId = Guid.NewGuid() });
        using var tooLong = await _inference.Http.PostAsJsonAsync("/analyze", new { lyrics = new string('a', 100_001) });
        // Asked of the LLM, so the refusal comes before any request to it.
        var chatRequests = _llm.CountOf(FakeOpenAiServer.ChatPath);
        using var noLines = await _inference.Http.PostAsJsonAsync("/analyze", new { lyrics = "[Verse 1]\n\n[Chorus]\n!!! ??? ...", analyzer = "llm" });

        Assert.Multiple(async () =>
        {
            Assert.That((analysis.Analyzer, analysis.Model), Is.EqualTo(("llm", FakeOpenAiServer.ChatModel)), analysis.Degraded);
            Assert.That(analysis.Tokens?.Input, Is.GreaterThan(0));
            Assert.That(unknownAnalyzer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknownAnalyzer.Content.ReadAsStringAsync(), Does.Contain("\"analyzer\""));
            Assert.That(numberLyrics.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await numberLyrics.Content.ReadAsStringAsync(), Does.Contain("lyrics"));
            Assert.That(unknownTrack.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await unknownTrack.Content.ReadAsStringAsync(), Does.Contain("trackId"));
            Assert.That(tooLong.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await tooLong.Content.ReadAsStringAsync(), Does.Contain("at most 100000").And.Not.Contain("at RapAnalyzer"));
            Assert.That(noLines.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await noLines.Content.ReadAsStringAsync(), Does.Contain("\"lyrics\"").And.Contain("no lyric lines"));
            Assert.That(_llm.CountOf(FakeOpenAiServer.ChatPath), Is.EqualTo(chatRequests));
        });
    }

    [Test]
    public async Task An_enriched_track_is_analyzed_from_the_sections_its_enrichment_carried_as_analyze_would_embed_them()
    {
        await using var bus = await TestBus<TrackStored>.StartAsync();
        var artist = $"Sections Artist {Guid.NewGuid():N}";
        var lyrics = $"""
            {Lyrics}

            [Chorus]
            Tears on the pillow, I miss you every night
            Lonely in the dark since you walked out of my life

            [Verse 2]
            Police lights flashing, sirens in the rain
            Brothers in the cell block, nothing left to gain
            {artist}
            """;
        await bus.Publisher.Publish(new TrackScraped("test", artist, "Sections", artist, lyrics));
        var stored = (await bus.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromMinutes(2)))[0];

        var details = await Eventually.GetAsync(() => _catalog.GetFromJsonAsync<TrackDetails>($"/tracks/{stored.TrackId}"),
            t => t!.LatestAnalyses.Any(a => a.Analyzer == "embedded"), TimeSpan.FromMinutes(2));
        var fromPipeline = System.Text.Json.JsonSerializer.Deserialize<LyricsAnalysis>(
            details!.LatestAnalyses.Single(a => a.Analyzer == "embedded").ResultJson, System.Text.Json.JsonSerializerOptions.Web)!;
        var onDemand = await AnalyzeAsync(new { lyrics, analyzer = "embedded" });

        Assert.Multiple(() =>
        {
            Assert.That(fromPipeline.Degraded, Is.Null);
            Assert.That(fromPipeline.Judgement.Themes, Is.Not.Empty);
            Assert.That(fromPipeline.Judgement.Themes, Is.EqualTo(onDemand.Judgement.Themes));
            Assert.That(fromPipeline.Judgement.Moods, Is.EqualTo(onDemand.Judgement.Moods));
            Assert.That(fromPipeline.Judgement.Summary, Is.EqualTo(onDemand.Judgement.Summary));
        });
    }

    [Test]
    public async Task The_durable_llm_queue_survives_a_restart_of_inference_mid_drain_with_none_lost_or_duplicated()
    {
        // Slow answers, so the queue is still draining when inference restarts.
        _llm.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis, delay: TimeSpan.FromSeconds(1.5));
        await using var bus = await TestBus<TrackStored>.StartAsync();
        var artist = $"Queue Artist {Guid.NewGuid():N}";
        const int tracks = 12;
        for (var i = 0; i < tracks; i++)
        {
            await bus.Publisher.Publish(new TrackScraped("test", $"{artist}-{i}", $"Song {i}", artist, $"{Lyrics}\nTrack number {i} of {artist}"));
        }
        var stored = await bus.WaitForAsync(m => m.Artist == artist, tracks, TimeSpan.FromMinutes(2));
        var requestsBefore = _llm.CountOf(FakeOpenAiServer.ChatPath);
        await Eventually.GetAsync(() => Task.FromResult(_llm.CountOf(FakeOpenAiServer.ChatPath) - requestsBefore), n => n >= 2, TimeSpan.FromMinutes(2));

        var ids = stored.Select(s => s.TrackId).ToArray();
        var analysedBeforeCrash = (await CountAnalysesAsync(ids)).Sum(c => c.Llm);
        await CrashAsync("inference");
        _llm.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis);

        var counts = await Eventually.GetAsync(() => CountAnalysesAsync(ids), c => c.All(n => n.Llm >= 1 && n.Embedded >= 1), TimeSpan.FromMinutes(3));
        // Anything still in flight would show up now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        counts = await CountAnalysesAsync(ids);
        var track = await _catalog.GetFromJsonAsync<TrackDetails>($"/tracks/{ids[0]}");

        Assert.Multiple(() =>
        {
            Assert.That(analysedBeforeCrash, Is.LessThan(tracks), "the crash came mid-drain");
            Assert.That(counts.Select(c => c.Llm), Has.All.EqualTo(1L), "one LLM analysis per track");
            Assert.That(counts.Select(c => c.Embedded), Has.All.EqualTo(1L), "one embedded analysis per track");
            Assert.That(track!.LatestAnalyses.Select(a => a.Analyzer), Is.EqualTo(new[] { "embedded", "llm" }));
        });
    }

    /// <summary>Kills the service as a crash would (no chance to finish or acknowledge anything); the AppHost starts it again.</summary>
    private async Task CrashAsync(string resource)
    {
        var app = _inference.App;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var running = await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e.Snapshot) is not null, timeout.Token);
        var pid = ProcessId(running.Snapshot)!.Value;
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }
        await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e.Snapshot) is { } again && again != pid, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value ? Convert.ToInt32(value) : null;

    private static async Task<IReadOnlyList<(long Llm, long Embedded)>> CountAnalysesAsync(IEnumerable<Guid> trackIds)
    {
        var counts = new List<(long, long)>();
        foreach (var id in trackIds)
        {
            counts.Add((
                await CatalogDatabase.ScalarAsync<long>("SELECT count(*) FROM catalog.analyses WHERE \"TrackId\" = $1 AND \"Analyzer\" = 'llm'", id),
                await CatalogDatabase.ScalarAsync<long>("SELECT count(*) FROM catalog.analyses WHERE \"TrackId\" = $1 AND \"Analyzer\" = 'embedded'", id)));
        }
        return counts;
    }

    private async Task<LyricsAnalysis> AnalyzeAsync(object request)
    {
        using var response = await _inference.Http.PostAsJsonAsync("/analyze", request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LyricsAnalysis>())!;
    }

    private async Task<CacheStats> StatsAsync()
    {
        var report = await _inference.Http.GetFromJsonAsync<CacheStatsReport>("/cache/stats");
        return report!.Caches.Single(c => c.Name == SharedCache.Analyses.Name);
    }
}
