using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Enrichment as a process on real RabbitMQ: a stored track becomes one TrackEnriched with features and a vector.</summary>
[TestFixture]
public sealed class EnrichmentServiceTests
{
    private ServiceRun _enrichment = null!;
    private TestBus<TrackEnriched> _bus = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _enrichment = await ServiceRun.StartAsync("enrichment");
        _bus = await TestBus<TrackEnriched>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.DisposeAsync();
        await _enrichment.DisposeAsync();
    }

    [Test]
    public async Task Enriches_each_stored_track_with_features_a_vector_and_the_artists_words()
    {
        var tracks = Enumerable.Range(1, 40).Select(i => new TrackStored(Guid.NewGuid(), $"Song {i}", "MC Test",
            $"[Verse 1: MC Test]\nI got the mic in my hand\nI never stand on the land\n\n[Verse 2: Guest]\nguest words here {i}",
            $"hash-{i}")).ToList();
        foreach (var track in tracks)
        {
            await _bus.Publisher.Publish(track);
        }

        var ids = tracks.Select(t => t.TrackId).ToHashSet();
        var enriched = await _bus.WaitForAsync(m => ids.Contains(m.TrackId), tracks.Count, TimeSpan.FromSeconds(60));
        var first = enriched.Single(m => m.TrackId == tracks[0].TrackId);
        var embedding = first.Embeddings.Single();
        var norm = Math.Sqrt(embedding.Vector.Sum(v => (double)v * v));

        Assert.Multiple(() =>
        {
            Assert.That(enriched.Select(m => m.TrackId), Is.EquivalentTo(ids));
            Assert.That(embedding.ModelId, Is.EqualTo(EmbeddingModels.UseLite));
            Assert.That(embedding.Vector, Has.Length.EqualTo(EmbeddingModels.UseLiteDimensions));
            Assert.That(norm, Is.EqualTo(1.0).Within(1e-4));
            // Each section's vector travels with its lines, for the catalog to show a hit's most similar section.
            Assert.That(embedding.Sections!.Select(s => s.Text), Is.EqualTo(new[] { "I got the mic in my hand\nI never stand on the land", "guest words here 1" }));
            Assert.That(embedding.Sections!.Select(s => s.Vector.Length), Is.All.EqualTo(EmbeddingModels.UseLiteDimensions));
            // Each distinct line's signs travel too, 64 bytes a line, for search to match a half-remembered line.
            Assert.That(embedding.Lines!.Select(l => l.Text), Is.EqualTo(new[] { "I got the mic in my hand", "I never stand on the land", "guest words here 1" }));
            Assert.That(embedding.Lines!.Select(l => l.Signs.Length), Is.All.EqualTo(EmbeddingModels.UseLiteDimensions / 8));
            Assert.That(first.Features.Lines, Is.EqualTo(3));
            Assert.That(first.Features.Sections, Is.EqualTo(2));
            // Only the verse credited to the track's artist counts for the artist's vocabulary.
            Assert.That(first.ArtistWords, Is.EqualTo(new[] { "i", "got", "the", "mic", "in", "my", "hand", "i", "never", "stand", "on", "the", "land" }));
        });
    }

    [Test]
    public async Task Enriches_a_track_at_the_limits_with_a_rhyme_letter_for_every_line()
    {
        var track = new TrackStored(Guid.NewGuid(), "The Longest Song", "MC Test", LyricsAtTheLimits.Build(), "hash-longest");

        await _bus.Publisher.Publish(track);
        var enriched = (await _bus.WaitForAsync(m => m.TrackId == track.TrackId, 1, TimeSpan.FromSeconds(120))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(enriched.Features.Lines, Is.EqualTo(TrackLimits.MaxLyricsLines));
            Assert.That(enriched.Features.EndRhymeScheme, Has.Length.EqualTo(TrackLimits.MaxLyricsLines));
            Assert.That(enriched.Embeddings.Single().Vector, Has.Length.EqualTo(EmbeddingModels.UseLiteDimensions));
            Assert.That(enriched.Embeddings.Single().Lines, Has.Count.EqualTo(LyricsEmbedding.MostLines), "its first distinct lines only");
            Assert.That(enriched.ContentHash, Is.EqualTo(track.ContentHash));
        });
    }

    [Test]
    public async Task A_track_of_very_many_sections_carries_the_vectors_of_its_first_hundred()
    {
        var lyrics = string.Join("\n\n", Enumerable.Range(1, 150).Select(i => $"line number {i} of its own block"));
        var track = new TrackStored(Guid.NewGuid(), "Blocks", "MC Test", lyrics, "hash-blocks");

        await _bus.Publisher.Publish(track);
        var embedding = (await _bus.WaitForAsync(m => m.TrackId == track.TrackId, 1, TimeSpan.FromSeconds(60))).Single().Embeddings.Single();

        Assert.That(embedding.Sections, Has.Count.EqualTo(LyricsEmbedding.MostSections));
        Assert.That(embedding.Sections![^1].Text, Is.EqualTo($"line number {LyricsEmbedding.MostSections} of its own block"));
    }

    [Test]
    public async Task Computes_features_and_embeddings_on_demand_and_names_a_bad_field()
    {
        using var features = await _enrichment.Http.PostAsJsonAsync("/features", new { text = "I spit fire\nI never tire" });
        using var embedding = await _enrichment.Http.PostAsJsonAsync("/embed", new { text = "I spit fire\nI never tire" });
        using var missing = await _enrichment.Http.PostAsJsonAsync("/embed", new { text = "" });
        var featuresJson = JsonNode.Parse(await features.Content.ReadAsStringAsync())!;
        var embeddingJson = JsonNode.Parse(await embedding.Content.ReadAsStringAsync())!;

        Assert.Multiple(async () =>
        {
            Assert.That(features.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(featuresJson["lines"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(embedding.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(embeddingJson["vector"]!.AsArray(), Has.Count.EqualTo(512));
            Assert.That(embeddingJson["modelId"]!.GetValue<string>(), Is.EqualTo(EmbeddingModels.UseLite));
            Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await missing.Content.ReadAsStringAsync(), Does.Contain("\"text\""));
        });
    }
}
