using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Contracts;
using RapAnalyzer.Testing.Search;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The catalog's search as a process, with the enrichment embedding queries and tracks with USE-Lite, on real
/// Postgres, Redis and RabbitMQ: meaning found across different words, the answer cache invalidated by a stored
/// track, and each bad parameter a 400 naming it.
/// </summary>
[TestFixture]
public sealed class SearchServiceTests
{
    private static readonly (string Title, string Lyrics)[] Themes =
    [
        ("Night Drive", "Racing my car down the highway after midnight\nEngine roaring, headlights cutting through the dark\nFoot on the gas, the city lights behind me"),
        ("Kitchen", "Cooking dinner for my mother on a Sunday\nRice and beans and chicken on the stove\nThe whole family sitting at the table"),
        ("Court", "Standing in front of the judge in a courtroom\nMy lawyer says the jury will decide\nHandcuffs on my wrists, the verdict coming"),
        ("Rain", "Clouds are gray and the storm is coming over\nWater falling on the roof all night long\nThunder and lightning across the sky"),
        ("Seasons", $"{WinterSection}\n\n{SummerSection}"),
    ];

    private const string WinterSection = "Snow on the ground and ice on the window\nWinter wind blowing through the empty trees\nFrozen fingers, breath like smoke in the cold";
    private const string SummerSection = "Summer sun burning on the sand at the beach\nWaves rolling in while we swim in the sea\nSunscreen and shades, the hottest days of the year";

    private ServiceRun _catalog = null!;
    private TestBus<TrackStored> _bus = null!;
    private string _artist = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _catalog = await ServiceRun.StartAsync("catalog");
        _bus = await TestBus<TrackStored>.StartAsync();
        _artist = $"Searcher {Guid.NewGuid():N}";
        foreach (var (title, lyrics) in Themes.Concat(Songs()))
        {
            await _bus.Publisher.Publish(new TrackScraped("search-test", $"{_artist}-{title}", title, _artist, lyrics, Year: 2010));
        }
        // Stored, then embedded by the enrichment and the vectors stored: only then can semantic search find them.
        await Eventually.GetAsync(() => SearchAsync("anything", "semantic"), hits => hits.Count == Themes.Length + Songs().Count,
            TimeSpan.FromSeconds(120));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    [TestCase("semantic")]
    [TestCase("hybrid")]
    public async Task A_paraphrase_ranks_its_track_above_unrelated_ones(string mode)
    {
        var hits = await SearchAsync("speeding in an automobile on the freeway late at night", mode);

        Assert.That(hits[0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Night Drive"));
        Assert.That(hits[0]!["foundBy"]!.AsArray().Select(s => s!.GetValue<string>()), Does.Contain("semantic"));
    }

    [Test]
    public async Task Text_hits_carry_their_matched_lines_with_highlights()
    {
        var hits = await SearchAsync("judge jury verdict", "text");

        Assert.That(hits[0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Court"));
        var lines = hits[0]!["lines"]!.AsArray();
        Assert.That(lines.Select(l => l!["text"]!.GetValue<string>()), Does.Contain("My lawyer says the jury will decide"));
        Assert.That(lines.SelectMany(l => l!["highlights"]!.AsArray()), Is.Not.Empty);
    }

    [Test]
    public async Task A_hit_found_by_meaning_shows_its_line_nearest_the_query()
    {
        // No word of the query but "the" and "in" is in the track, and those are in both of its sections.
        var hits = await SearchAsync("sunbathing by the ocean shore in july heat", "semantic");

        var seasons = hits.Single(hit => hit!["track"]!["title"]!.GetValue<string>() == "Seasons")!;
        var lines = seasons["lines"]!.AsArray().Select(l => l!["text"]!.GetValue<string>()).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), "the line the line side found it by");
        Assert.That(lines, Is.SubsetOf(SummerSection.Split('\n')));
    }

    /// <summary>The songs the rhyme tests use: real lyrics of a few dozen lines each.</summary>
    private static IReadOnlyList<(string Title, string Lyrics)> Songs() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Songs"), "*.txt").Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path))).ToList();

    [Test]
    public async Task Half_remembered_lines_find_their_track_in_the_top_ten_in_every_mode()
    {
        var random = new Random(2026);
        var queries = new List<(string Query, string Title)>();
        foreach (var (title, lyrics) in Songs())
        {
            var lines = lyrics.Split('\n').Where(l => HalfRememberedLine.Words(l).Count >= 6).Distinct().ToList();
            for (var i = 0; i < 6; i++)
            {
                queries.Add((HalfRememberedLine.Damage(lines[random.Next(lines.Count)], random), title));
            }
        }
        var metrics = new Dictionary<string, RankMetrics>();
        foreach (var mode in new[] { "text", "semantic", "hybrid" })
        {
            var ranks = new List<int?>();
            foreach (var (query, title) in queries)
            {
                var hits = await SearchAsync(query, mode);
                var rank = hits.Select((hit, i) => (hit, i)).FirstOrDefault(h => h.hit!["track"]!["title"]!.GetValue<string>() == title).i;
                ranks.Add(hits.Any(h => h!["track"]!["title"]!.GetValue<string>() == title) ? rank + 1 : null);
            }
            metrics[mode] = RankMetrics.Of(ranks);
            TestContext.Out.WriteLine($"{mode}: {metrics[mode]}");
        }

        // On these few songs text alone is hard to beat (distinctive words, no rival track sharing them; hybrid passes it
        // by a query or none): the figures are printed, and what holds on any corpus this small is asserted. Without
        // line vectors semantic MRR was 0.707.
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Values.Select(m => m.RecallAt10), Has.All.GreaterThanOrEqualTo(0.9));
            Assert.That(metrics["semantic"].Mrr, Is.GreaterThanOrEqualTo(0.85), "the lines' vectors find the line a query half remembers");
            // Near the ceiling one query's tie, broken by random track ids, moves an MRR by 0.01 (a CI rehearsal saw
            // semantic and hybrid at 0.976 each): hybrid is held to at least each single mode here, and the benchmark's
            // 57,718 tracks measure by how much it beats them.
            Assert.That(metrics["hybrid"].Mrr, Is.GreaterThanOrEqualTo(metrics["semantic"].Mrr));
            Assert.That(metrics["hybrid"].Mrr, Is.GreaterThanOrEqualTo(metrics["text"].Mrr));
        });
    }

    [Test]
    public async Task A_stored_track_invalidates_the_cached_answers()
    {
        const string query = "saxophone trombone";
        Assert.That(await SearchAsync(query, "text"), Is.Empty);
        Assert.That(await SearchAsync(query, "text"), Is.Empty);

        await _bus.Publisher.Publish(new TrackScraped("search-test", $"{_artist}-band", "Band", _artist, "Saxophone and trombone in the marching band"));

        // Well within the answers' minute in the cache.
        var hits = await Eventually.GetAsync(() => SearchAsync(query, "text"), h => h.Count == 1, TimeSpan.FromSeconds(20));
        Assert.That(hits[0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Band"));
    }

    [Test]
    public async Task Similar_tracks_leave_out_the_track_itself()
    {
        var id = (await SearchAsync("highway midnight", "text"))[0]!["track"]!["id"]!.GetValue<string>();

        var answer = await _catalog.Http.GetFromJsonAsync<JsonObject>($"/tracks/{id}/similar?limit=100&artist={Uri.EscapeDataString(_artist)}");

        var ids = answer!["items"]!.AsArray().Select(h => h!["track"]!["id"]!.GetValue<string>()).ToList();
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(Themes.Length - 1));
        Assert.That(ids, Does.Not.Contain(id));
    }

    [Test]
    public async Task Similar_tracks_are_answered_from_the_cache_until_a_track_is_stored()
    {
        var id = (await SearchAsync("highway midnight", "text"))[0]!["track"]!["id"]!.GetValue<string>();
        // Under an artist of its own, so the track stored here changes no other test's answers.
        var newcomer = $"{_artist} Again";
        var similar = $"/tracks/{id}/similar?limit=100&artist={Uri.EscapeDataString(newcomer)}";
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var counts = $"ra:cache-counts:{RapAnalyzer.ServiceDefaults.Caching.SharedCache.SearchAnswers.Name}";

        var first = Titles(await _catalog.Http.GetFromJsonAsync<JsonObject>(similar));
        var hitsBefore = (long)await redis.GetDatabase().HashGetAsync(counts, "hits");
        var second = Titles(await _catalog.Http.GetFromJsonAsync<JsonObject>(similar));
        // Hits are counted without waiting for Redis.
        var hitsAfter = await Eventually.GetAsync(async () => (long)await redis.GetDatabase().HashGetAsync(counts, "hits"),
            hits => hits > hitsBefore, TimeSpan.FromSeconds(10));
        await _bus.Publisher.Publish(new TrackScraped("search-test", $"{newcomer}-night-drive", "Night Drive Again", newcomer,
            "Racing my car down the highway after midnight\nEngine roaring, headlights cutting through the dark\nFoot on the gas, the city far behind me"));
        var afterStored = await Eventually.GetAsync(async () => Titles(await _catalog.Http.GetFromJsonAsync<JsonObject>(similar)),
            titles => titles.Contains("Night Drive Again"), TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(hitsAfter, Is.GreaterThan(hitsBefore), "the repeat was a cache hit");
            Assert.That(first, Is.Empty, "the artist had no tracks yet");
            Assert.That(afterStored, Is.EqualTo(new[] { "Night Drive Again" }), "once stored and embedded");
        });
    }

    private static List<string> Titles(JsonObject? answer) =>
        [.. answer!["items"]!.AsArray().Select(h => h!["track"]!["title"]!.GetValue<string>())];

    [Test]
    public async Task Rebuilding_the_indexes_builds_each_whole_and_search_goes_on()
    {
        using var accepted = await _catalog.Http.PostAsync("/search/indexes/rebuild", null);
        var rebuild = (await accepted.Content.ReadFromJsonAsync<JsonObject>())!;
        var report = await Eventually.GetAsync(() => _catalog.Http.GetFromJsonAsync<JsonObject>("/search/indexes")!,
            r => r!["rebuild"]!["state"]!.GetValue<string>() != "running", TimeSpan.FromSeconds(120));

        var rebuilt = report!["rebuild"]!["rebuilt"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        var indexes = report["indexes"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(rebuild["state"]!.GetValue<string>(), Is.EqualTo("running"));
            Assert.That(report["rebuild"]!["state"]!.GetValue<string>(), Is.EqualTo("completed"));
            Assert.That(rebuilt, Does.Contain("IX_track_embeddings_use_lite_hnsw").And.Contain("IX_tracks_search_text"));
            Assert.That(indexes.Select(i => i!["name"]!.GetValue<string>()), Is.EquivalentTo(rebuilt));
            Assert.That(indexes.Select(i => i!["valid"]!.GetValue<bool>()), Has.All.True);
            Assert.That(indexes.Select(i => i!["sizeBytes"]!.GetValue<long>()), Has.All.GreaterThan(0));
        });
        var hits = await SearchAsync("speeding in an automobile on the freeway late at night", "semantic");
        Assert.That(hits[0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Night Drive"));
    }

    [Test]
    public async Task A_leftover_of_a_cut_off_rebuild_degrades_the_search_indexes_until_the_next_rebuild_drops_it()
    {
        // What a REINDEX CONCURRENTLY cut off mid-build leaves behind: an invalid copy named …_ccnew.
        await CatalogDatabase.ExecuteAsync("""
            CREATE INDEX "IX_tracks_search_text_ccnew" ON catalog.tracks USING gin ("SearchText");
            UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'catalog."IX_tracks_search_text_ccnew"'::regclass;
            """);
        var degraded = await SearchIndexesHealthAsync();

        using var accepted = await _catalog.Http.PostAsync("/search/indexes/rebuild", null);
        await Eventually.GetAsync(() => _catalog.Http.GetFromJsonAsync<JsonObject>("/search/indexes")!,
            r => r!["rebuild"]!["state"]!.GetValue<string>() != "running", TimeSpan.FromSeconds(120));
        var after = await SearchIndexesHealthAsync();
        var leftovers = await CatalogDatabase.ScalarAsync<long>("SELECT count(*) FROM pg_class WHERE relname LIKE '%\\_ccnew%'");

        Assert.Multiple(() =>
        {
            Assert.That(degraded.Status, Is.EqualTo("Degraded"));
            Assert.That(degraded.Description, Does.Contain("invalid index IX_tracks_search_text_ccnew"));
            Assert.That(after.Status, Is.EqualTo("Healthy"), after.Description);
            Assert.That(leftovers, Is.Zero);
        });
    }

    [TestCase("q=", "q")]
    [TestCase("mode=fuzzy", "mode")]
    [TestCase("model=no-such-model", "model")]
    [TestCase("page=0", "page")]
    [TestCase("page=1000", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    [TestCase("yearFrom=2001&yearTo=1999", "yearFrom")]
    [TestCase("minQuality=11", "minQuality")]
    [TestCase("q=a%00b", "q")]
    [TestCase("language=%00", "language")]
    public async Task Bad_search_input_gets_a_400_naming_the_field(string parameters, string field)
    {
        var query = parameters.StartsWith("q=", StringComparison.Ordinal) ? parameters : $"q=money&{parameters}";
        await AssertProblemAsync($"/search?{query}", field);
    }

    [Test]
    public async Task An_over_long_query_and_a_bad_limit_get_a_400_naming_the_field()
    {
        await AssertProblemAsync($"/search?q={new string('a', 1_001)}", "q");
        await AssertProblemAsync($"/tracks/{Guid.NewGuid()}/similar?limit=0", "limit");
        await AssertProblemAsync($"/tracks/{Guid.NewGuid()}/similar?limit=101", "limit");
    }

    [Test]
    public async Task A_query_of_the_most_characters_is_read_even_in_emoji_and_one_more_is_named()
    {
        // 1,000 emoji are 12 KB percent-encoded: the request line must hold them for the query's own limit to decide.
        var most = string.Concat(Enumerable.Repeat("🎤", RapAnalyzer.Catalog.Search.SearchRequest.MaxQueryLength));
        using var answer = await _catalog.Http.GetAsync($"/search?mode=text&q={Uri.EscapeDataString(most)}");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), await answer.Content.ReadAsStringAsync());
        await AssertProblemAsync($"/search?mode=text&q={Uri.EscapeDataString(most + "🎤")}", "q");
    }

    [Test]
    public async Task Similar_tracks_by_a_model_no_track_has_vectors_of_get_a_400_naming_the_model()
    {
        var id = (await SearchAsync("highway midnight", "text"))[0]!["track"]!["id"]!.GetValue<string>();

        await AssertProblemAsync($"/tracks/{id}/similar?model=no-such-model", "model");
        var known = await _catalog.Http.GetFromJsonAsync<JsonObject>($"/tracks/{id}/similar?model={Uri.EscapeDataString(EmbeddingModels.UseLite)}");
        Assert.That(known!["items"]!.AsArray(), Is.Not.Empty);
    }

    [Test]
    public async Task Reports_its_cache_and_search_indexes_healthy() =>
        await HealthAssertions.AssertHealthyAsync(_catalog.Http, "catalogdb", "cache", "search-indexes");

    private async Task<HealthEntryDocument> SearchIndexesHealthAsync()
    {
        using var response = await _catalog.Http.GetAsync("/health");
        return (await response.Content.ReadFromJsonAsync<HealthStatusDocument>())!.Entries["search-indexes"];
    }

    private async Task AssertProblemAsync(string path, string field)
    {
        using var response = await _catalog.Http.GetAsync(path);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), path);
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }), path);
    }

    private async Task<JsonArray> SearchAsync(string query, string mode)
    {
        var answer = await _catalog.Http.GetFromJsonAsync<JsonObject>(
            $"/search?q={Uri.EscapeDataString(query)}&mode={mode}&pageSize=100&artist={Uri.EscapeDataString(_artist)}");
        return answer!["items"]!.AsArray();
    }
}
