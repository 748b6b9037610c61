using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Enrichment as a process with Spotify and an OpenAI-compatible embedding endpoint configured (fakes over real
/// HTTP, settings forwarded by the AppHost as in a real run): what reaches RabbitMQ, and what happens when the endpoint fails.
/// </summary>
[TestFixture]
public sealed class EnrichmentExternalApisTests
{
    private static readonly FakeSpotifyTrack Alright =
        new("3iVcZ5G6tvkXZkZKlMpIUs", "Alright", "Kendrick Lamar", 74, "To Pimp A Butterfly", "2015-03-15", 219333, true);

    private FakeSpotifyServer _spotify = null!;
    private FakeOpenAiServer _openAi = null!;
    private ServiceRun _enrichment = null!;
    private TestBus<TrackEnriched> _bus = null!;
    private volatile bool _endpointFailing;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _spotify = await FakeSpotifyServer.StartAsync(Alright);
        _openAi = await FakeOpenAiServer.StartAsync();
        _openAi.Interfere = async context =>
        {
            if (!_endpointFailing) return false;
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
            return true;
        };
        _enrichment = await ServiceRun.StartAsync("enrichment", FakeApiSettings.For(_spotify, _openAi));
        _bus = await TestBus<TrackEnriched>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.DisposeAsync();
        await _enrichment.DisposeAsync();
        await _openAi.DisposeAsync();
        await _spotify.DisposeAsync();
    }

    [SetUp]
    public void EndpointAnswers() => _endpointFailing = false;

    [Test, Order(1)]
    public async Task Stored_tracks_get_spotify_metadata_and_a_vector_of_each_model()
    {
        var known = new TrackStored(Guid.NewGuid(), "Alright", "Kendrick Lamar", "[Verse 1: Kendrick Lamar]\nWe gon' be alright\n\n[Chorus]\nDo you hear me, do you feel me", "hash-alright");
        var unknown = new TrackStored(Guid.NewGuid(), $"Unreleased {Guid.NewGuid():N}", "MC Nobody", "Nobody knows this one\nNot even Spotify", "hash-unknown");

        await _bus.Publisher.Publish(known);
        await _bus.Publisher.Publish(unknown);
        var enriched = await _bus.WaitForAsync(m => m.TrackId == known.TrackId || m.TrackId == unknown.TrackId, 2, TimeSpan.FromSeconds(60));
        var first = enriched.Single(m => m.TrackId == known.TrackId);
        var second = enriched.Single(m => m.TrackId == unknown.TrackId);
        var health = await _enrichment.Http.GetFromJsonAsync<HealthStatusDocument>("/health");

        Assert.Multiple(() =>
        {
            Assert.That(first.Spotify, Is.EqualTo(new SpotifyMetadata(Alright.Id, 74, "To Pimp A Butterfly", "2015-03-15", 219333, true)));
            Assert.That(second.Spotify, Is.Null);
            Assert.That(first.Embeddings.Select(e => (e.ModelId, e.Vector.Length)),
                Is.EqualTo(new[] { (EmbeddingModels.UseLite, EmbeddingModels.UseLiteDimensions), (FakeOpenAiServer.EmbeddingModel, FakeOpenAiServer.DefaultDimensions) }));
            Assert.That(second.Embeddings, Has.Count.EqualTo(2));
            Assert.That(_openAi.EmbeddingInputs.SelectMany(inputs => inputs), Does.Contain("We gon' be alright"));
            Assert.That(health!.Entries["embedding-endpoint"].Status, Is.EqualTo("Healthy"));
        });
    }

    [Test, Order(2)]
    public async Task A_failing_endpoint_costs_only_its_vector_and_shows_in_health_and_in_post_embed()
    {
        _endpointFailing = true;
        var track = new TrackStored(Guid.NewGuid(), "Outage", "MC Test", "Lines written while the endpoint is down\nstill enriched", "hash-outage");

        await _bus.Publisher.Publish(track);
        var enriched = (await _bus.WaitForAsync(m => m.TrackId == track.TrackId, 1, TimeSpan.FromSeconds(60))).Single();
        var health = await _enrichment.Http.GetFromJsonAsync<HealthStatusDocument>("/health");
        using var embed = await _enrichment.Http.PostAsJsonAsync("/embed", new { text = "Asked while the endpoint is down" });
        var embedJson = JsonNode.Parse(await embed.Content.ReadAsStringAsync())!;
        using var named = await _enrichment.Http.PostAsJsonAsync("/embed", new { text = "Asked while the endpoint is down", model = FakeOpenAiServer.EmbeddingModel });

        Assert.Multiple(() =>
        {
            Assert.That(enriched.Embeddings.Select(e => e.ModelId), Is.EqualTo(new[] { EmbeddingModels.UseLite }));
            Assert.That(enriched.Features.Lines, Is.EqualTo(2));
            Assert.That(health!.Status, Is.EqualTo("Degraded"));
            Assert.That(health.Entries["embedding-endpoint"].Description, Does.Contain("HTTP 500"));
            Assert.That(embedJson["modelId"]!.GetValue<string>(), Is.EqualTo(EmbeddingModels.UseLite));
            Assert.That(embedJson["degraded"]!.GetValue<string>(), Does.Contain("HTTP 500"));
            Assert.That((int)named.StatusCode, Is.EqualTo(503));
        });
    }
}
