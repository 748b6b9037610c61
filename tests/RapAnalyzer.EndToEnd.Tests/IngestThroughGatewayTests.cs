using System.Net;
using System.Net.Http.Headers;
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
