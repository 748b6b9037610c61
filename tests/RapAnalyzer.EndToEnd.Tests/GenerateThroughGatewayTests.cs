using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RapAnalyzer.Inference.Tests.Generation;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// Lyrics imported through the gateway (scraper → catalog → inference's line index) become the corpus the generator
/// answers <c>POST /generate</c> from, through the gateway.
/// </summary>
[TestFixture]
public sealed class GenerateThroughGatewayTests
{
    private const int Tracks = 60;

    [Test]
    public async Task Generates_rhyming_lines_from_an_imported_artists_lyrics()
    {
        var artist = $"E2E Generator {Guid.NewGuid():N}";
        var rows = RhymingCorpus.Tracks(Tracks, Random.Shared.Next(), artist).Select((track, i) => JsonSerializer.Serialize(new
        {
            id = $"{artist}-{i}",
            title = $"Song {i}",
            artist = track.Artist,
            lyrics = track.Lyrics,
            year = 2015,
        }));
        using var content = new StringContent(string.Join('\n', rows), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);

        var request = new { prompt = "the ocean and the harbour", artist, lines = 4, rhymeScheme = "ABAB", seed = 3 };
        var lyrics = await Eventually.GetAsync(async () =>
        {
            using var response = await RunningSystem.Gateway.PostAsJsonAsync("/generate", request);
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, l => l is not null, TimeSpan.FromMinutes(2));
        using var bad = await RunningSystem.Gateway.PostAsJsonAsync("/generate", new { prompt = "x", lines = 0 });
        var info = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync("/generate/info"))!;

        var lines = lyrics!["lines"]!.AsArray();
        Assert.Multiple(async () =>
        {
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(lines, Has.Count.EqualTo(4));
            Assert.That(lines.Select(l => l!["sourceArtist"]!.GetValue<string>()), Is.All.EqualTo(artist));
            Assert.That(lines[2]!["rhyme"]!["with"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(lines[3]!["rhyme"]!["kept"]!.GetValue<bool>(), Is.True);
            Assert.That(lyrics["rhymeDensity"]!.GetValue<double>(), Is.GreaterThan(0));
            Assert.That(lyrics["generator"]!.GetValue<string>(), Is.EqualTo("embedded"));
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await bad.Content.ReadAsStringAsync(), Does.Contain("\"lines\""));
            Assert.That(info["tracks"]!.GetValue<int>(), Is.GreaterThanOrEqualTo(Tracks));
        });
    }
}
