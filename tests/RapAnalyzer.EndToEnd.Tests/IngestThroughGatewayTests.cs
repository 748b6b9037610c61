using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>A dataset posted to the gateway goes scraper → RabbitMQ → catalog → Postgres and is read back through the gateway.</summary>
[TestFixture]
public sealed class IngestThroughGatewayTests
{
    [Test]
    public async Task Imported_tracks_are_stored_once_and_served_through_the_gateway()
    {
        var artist = $"E2E {Guid.NewGuid():N}";
        var rows = new[]
        {
            $$"""{"id":"{{artist}}-1","title":"Opening","artist":"{{artist}}","lyrics":"First verse\nwith a rhyme","year":1996,"views":1200}""",
            $$"""{"id":"{{artist}}-2","title":"Middle","artist":"{{artist}}","lyrics":"Second verse, second time","year":1998}""",
            $$"""{"id":"{{artist}}-3","title":"Closing","artist":"{{artist}}","lyrics":"Third verse to close","year":2001}""",
            $$"""{"id":"{{artist}}-4","title":"Closing (Remaster)","artist":"{{artist}}","lyrics":"THIRD verse, to close!","year":2011}""",
        };
        using var content = new StringContent(string.Join('\n', rows), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        var location = accepted.Headers.Location!.ToString();
        var job = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync(location))!,
            j => j["state"]!.GetValue<string>() != "Running", TimeSpan.FromSeconds(30));
        var page = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks?artist={Uri.EscapeDataString(artist)}"))!,
            p => p["total"]!.GetValue<long>() >= 3, TimeSpan.FromSeconds(30));
        var firstId = page["items"]!.AsArray().Single(t => t!["title"]!.GetValue<string>() == "Opening")!["id"]!.GetValue<string>();
        var track = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks/{firstId}"))!;

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(job["state"]!.GetValue<string>(), Is.EqualTo("Completed"));
            // The remaster has the same lyrics up to case and punctuation: the scraper skips it, the catalog stores three.
            Assert.That(job["fetched"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(job["skippedDuplicate"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(page["total"]!.GetValue<long>(), Is.EqualTo(3));
            Assert.That(track["lyrics"]!.GetValue<string>(), Is.EqualTo("First verse\nwith a rhyme"));
            Assert.That(track["views"]!.GetValue<long>(), Is.EqualTo(1200));
        });
    }

    [Test]
    public async Task An_imported_track_spotify_knows_ends_in_the_catalog_with_its_metadata_and_a_vector_of_each_model()
    {
        var song = RunningSystem.SpotifyTrack;
        var run = Guid.NewGuid().ToString("N");
        var row = $$"""{"id":"spotify-{{run}}","title":"{{song.Title}}","artist":"{{song.Artist}}","lyrics":"[Chorus: {{song.Artist}}]\nWe gon' be alright {{run}}\nDo you hear me","year":2015}""";
        using var content = new StringContent(row, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        var track = await Eventually.GetAsync(async () =>
            {
                // No other test imports this artist, so the system's one track of theirs is this one.
                var page = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks?artist={Uri.EscapeDataString(song.Artist)}"))!;
                var id = page["items"]!.AsArray().FirstOrDefault()?["id"]?.GetValue<string>();
                return id is null ? null : JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks/{id}"));
            },
            t => t?["spotify"] is not null && t["embeddingModels"]!.AsArray().Count == 2, TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(track, Is.Not.Null, "the track never reached the catalog with Spotify metadata and both vectors");
            Assert.That(track!["lyrics"]!.GetValue<string>(), Does.Contain(run));
            Assert.That(track["spotify"]!["spotifyId"]!.GetValue<string>(), Is.EqualTo(song.Id));
            Assert.That(track["spotify"]!["popularity"]!.GetValue<int>(), Is.EqualTo(song.Popularity));
            Assert.That(track["spotify"]!["album"]!.GetValue<string>(), Is.EqualTo(song.Album));
            Assert.That(track["embeddingModels"]!.AsArray().Select(m => m!.GetValue<string>()),
                Is.EquivalentTo(new[] { "use-lite-en@0.2.0", FakeOpenAiServer.EmbeddingModel }));
        });
    }

    [Test]
    public async Task Embeddings_on_demand_through_the_gateway_use_the_endpoint_by_default_or_the_model_named()
    {
        var models = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync("/embed/models"))!;
        using var byDefault = await RunningSystem.Gateway.PostAsJsonAsync("/embed", new { text = "Money on my mind" });
        using var named = await RunningSystem.Gateway.PostAsJsonAsync("/embed", new { text = "Money on my mind", model = "use-lite-en@0.2.0" });
        using var unknown = await RunningSystem.Gateway.PostAsJsonAsync("/embed", new { text = "Money on my mind", model = "gpt-9" });
        var defaultJson = JsonNode.Parse(await byDefault.Content.ReadAsStringAsync())!;
        var namedJson = JsonNode.Parse(await named.Content.ReadAsStringAsync())!;
        var unknownJson = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(models["default"]!.GetValue<string>(), Is.EqualTo(FakeOpenAiServer.EmbeddingModel));
            Assert.That(defaultJson["modelId"]!.GetValue<string>(), Is.EqualTo(FakeOpenAiServer.EmbeddingModel));
            Assert.That(defaultJson["vector"]!.AsArray(), Has.Count.EqualTo(FakeOpenAiServer.DefaultDimensions));
            Assert.That(namedJson["vector"]!.AsArray(), Has.Count.EqualTo(512));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(unknownJson["errors"]!["model"], Is.Not.Null);
        });
    }

    [Test]
    public async Task The_gateway_passes_on_problem_details_for_bad_input()
    {
        using var response = await RunningSystem.Gateway.GetAsync("/tracks?page=0");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem["errors"]!["page"], Is.Not.Null);
        });
    }
}
