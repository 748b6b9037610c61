using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>Imported tracks, once enriched, are found through the gateway by meaning and by words, and their similar tracks too.</summary>
[TestFixture]
public sealed class SearchThroughGatewayTests
{
    [Test]
    public async Task Imported_tracks_are_searchable_through_the_gateway()
    {
        var artist = $"E2E Search {Guid.NewGuid():N}";
        var rows = new[]
        {
            $$"""{"id":"{{artist}}-1","title":"Night Drive","artist":"{{artist}}","lyrics":"Racing my car down the highway after midnight\nEngine roaring, headlights cutting through the dark","year":2012}""",
            $$"""{"id":"{{artist}}-2","title":"Kitchen","artist":"{{artist}}","lyrics":"Cooking dinner for my mother on a Sunday\nRice and beans and chicken on the stove","year":2014}""",
        };
        using var content = new StringContent(string.Join('\n', rows), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        var filter = $"artist={Uri.EscapeDataString(artist)}";

        // Found by meaning only once the enrichment's vectors are in the catalog.
        var semantic = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/search?q={Uri.EscapeDataString("speeding in an automobile on the freeway")}&mode=semantic&{filter}"))!,
            answer => answer["items"]!.AsArray().Count == 2, TimeSpan.FromSeconds(90));
        var hybrid = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/search?q={Uri.EscapeDataString("dinner for my mother")}&{filter}"))!;
        var driveId = semantic["items"]![0]!["track"]!["id"]!.GetValue<string>();
        var similar = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks/{driveId}/similar?{filter}"))!;
        var caches = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync("/cache/stats"))!["caches"]!.AsArray()
            .ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["hits"]!.GetValue<long>() + c["misses"]!.GetValue<long>());
        using var bad = await RunningSystem.Gateway.GetAsync("/search?q=");
        var problem = await bad.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(semantic["items"]![0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Night Drive"));
            Assert.That(semantic["mode"]!.GetValue<string>(), Is.EqualTo("semantic"));
            Assert.That(hybrid["items"]![0]!["track"]!["title"]!.GetValue<string>(), Is.EqualTo("Kitchen"));
            Assert.That(hybrid["items"]![0]!["foundBy"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EquivalentTo(new[] { "text", "semantic" }));
            Assert.That(hybrid["tookMs"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(similar["items"]!.AsArray().Select(h => h!["track"]!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "Kitchen" }));
            Assert.That(caches["search-query-embeddings"], Is.GreaterThanOrEqualTo(2), "inference's /cache/stats counts search's lookups");
            Assert.That(caches["search-answers"], Is.GreaterThanOrEqualTo(2));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "q" }));
        });
    }
}
