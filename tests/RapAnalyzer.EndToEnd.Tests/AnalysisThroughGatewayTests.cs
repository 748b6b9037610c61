using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// Analysis through the gateway: an imported track gets its embedded analysis from the pipeline, shown by the catalog
/// per analyzer; POST /analyze by track id answers with the same schema, a repeat comes from the cache, and
/// /models/info and /cache/stats report it.
/// </summary>
[TestFixture]
public sealed class AnalysisThroughGatewayTests
{
    [Test]
    public async Task An_imported_track_is_analyzed_by_the_pipeline_and_on_request_and_the_repeat_is_cached()
    {
        var artist = $"Analysis {Guid.NewGuid():N}";
        var row = $$"""{"id":"{{artist}}-1","title":"Top Floor","artist":"{{artist}}","lyrics":"I love the view from the top floor\nWe made it out, we're happy and free\nMoney in the bank and peace at the door\nMy family smiling right next to me","year":2019}""";
        using var content = new StringContent(row, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        var page = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks?artist={Uri.EscapeDataString(artist)}"))!,
            p => p["total"]!.GetValue<long>() >= 1, TimeSpan.FromSeconds(60));
        var id = page["items"]![0]!["id"]!.GetValue<string>();

        var track = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks/{id}"))!,
            t => t["latestAnalyses"]!.AsArray().Count >= 1, TimeSpan.FromSeconds(90));
        using var first = await RunningSystem.Gateway.PostAsJsonAsync("/analyze", new { trackId = id, analyzer = "embedded" });
        using var second = await RunningSystem.Gateway.PostAsJsonAsync("/analyze", new { trackId = id, analyzer = "embedded" });
        var firstAnalysis = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var secondAnalysis = JsonNode.Parse(await second.Content.ReadAsStringAsync())!;
        var models = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync("/models/info"))!;
        var cache = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync("/cache/stats"))!;
        using var bad = await RunningSystem.Gateway.PostAsJsonAsync("/analyze", new { lyrics = "", analyzer = "embedded" });

        Assert.Multiple(async () =>
        {
            var stored = track["latestAnalyses"]!.AsArray().Single()!;
            Assert.That(stored["analyzer"]!.GetValue<string>(), Is.EqualTo("embedded"));
            var storedResult = JsonNode.Parse(stored["resultJson"]!.GetValue<string>())!;
            Assert.That(storedResult["judgement"]!["sentiment"]!["label"]!.GetValue<string>(), Is.EqualTo("positive"));
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(firstAnalysis["judgement"]!["sentiment"]!["label"]!.GetValue<string>(), Is.EqualTo("positive"));
            Assert.That(firstAnalysis["features"]!["lines"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(secondAnalysis["cached"]!.GetValue<bool>(), Is.True);
            Assert.That(models["activeAnalyzer"]!.GetValue<string>(), Is.EqualTo("embedded"));
            Assert.That(models["themes"]!.AsArray(), Is.Not.Empty);
            Assert.That(models["latencyMs"]!["embedded"]!["count"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(1));
            var caches = cache["caches"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>());
            Assert.That(caches.Keys, Is.EquivalentTo(new[] { "analysis", "search-query-embeddings", "search-answers", "scraper-artist-songs" }));
            Assert.That(caches["analysis"]!["hits"]!.GetValue<long>(), Is.GreaterThanOrEqualTo(1));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("lyrics"));
        });
    }
}
