using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// The ingest pipeline through the gateway: import → scraper → catalog → enrichment → catalog, every track
/// stored, enriched and embedded exactly once, even when consumers are killed or RabbitMQ restarts in the middle of the run.
/// </summary>
[TestFixture]
public sealed class PipelineTests
{
    private const int Tracks = 300;

    [Test]
    public async Task Every_imported_track_ends_stored_enriched_and_embedded_once_when_consumers_are_killed_mid_run()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var content = new StringContent(Csv(run, "pipeline"), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        var enrichmentBefore = await RunningSystem.KillAsync("enrichment");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var catalogBefore = await RunningSystem.KillAsync("catalog");

        var counts = await Eventually.GetAsync(() => CountAsync($"pipeline-{run}"), c => c.Embedded >= Tracks && c.EndpointEmbedded >= Tracks, TimeSpan.FromSeconds(180));
        var page = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks?artist=Pipeline%20{run}&pageSize=1"))!;
        var trackId = page["items"]![0]!["id"]!.GetValue<string>();
        var track = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/tracks/{trackId}"))!;
        var artist = JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync($"/artists/Pipeline%20{run}"))!;
        var (enrichmentAfter, catalogAfter) =
            (await RunningSystem.ProcessIdAsync("enrichment", not: enrichmentBefore), await RunningSystem.ProcessIdAsync("catalog", not: catalogBefore));

        Assert.Multiple(() =>
        {
            Assert.That(counts, Is.EqualTo((Stored: (long)Tracks, Enriched: (long)Tracks, Embedded: (long)Tracks, EndpointEmbedded: (long)Tracks)));
            Assert.That(track["features"]!["lines"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(track["embeddingModels"]!.AsArray().Select(m => m!.GetValue<string>()),
                Is.EquivalentTo(new[] { "use-lite-en@0.2.0", FakeOpenAiServer.EmbeddingModel }));
            Assert.That(artist["tracks"]!.GetValue<long>(), Is.EqualTo(Tracks));
            Assert.That(artist["enrichedTracks"]!.GetValue<int>(), Is.EqualTo(Tracks));
            Assert.That(artist["vocabulary"]!["uniqueWords"]!.GetValue<int>(), Is.GreaterThan(Tracks));
            Assert.That(enrichmentAfter, Is.Not.EqualTo(enrichmentBefore), "enrichment was restarted");
            Assert.That(catalogAfter, Is.Not.EqualTo(catalogBefore), "catalog was restarted");
        });
    }

    [Test]
    public async Task Every_imported_track_ends_stored_enriched_and_embedded_once_when_rabbitmq_restarts_mid_run()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var content = new StringContent(Csv(run, "rabbit"), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        // Once the scraper has published every track, the rest of the pipeline is in RabbitMQ's queues.
        var job = await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync(accepted.Headers.Location!.ToString()))!,
            j => j["state"]!.GetValue<string>() != "Running", TimeSpan.FromSeconds(60));
        await RunningSystem.RestartAsync("messaging");

        var counts = await Eventually.GetAsync(() => CountAsync($"rabbit-{run}"), c => c.Embedded >= Tracks && c.EndpointEmbedded >= Tracks, TimeSpan.FromSeconds(240));
        var health = await Eventually.GetAsync(
            async () => (await RunningSystem.Gateway.GetAsync("/health")).StatusCode,
            status => status == System.Net.HttpStatusCode.OK, TimeSpan.FromSeconds(60));

        Assert.Multiple(() =>
        {
            Assert.That(job["fetched"]!.GetValue<long>(), Is.EqualTo(Tracks));
            Assert.That(counts, Is.EqualTo((Stored: (long)Tracks, Enriched: (long)Tracks, Embedded: (long)Tracks, EndpointEmbedded: (long)Tracks)));
            Assert.That(health, Is.EqualTo(System.Net.HttpStatusCode.OK));
        });
    }

    private static string Csv(string run, string prefix)
    {
        var csv = new StringBuilder("title,tag,artist,year,views,features,lyrics,id,language\n");
        for (var i = 0; i < Tracks; i++)
        {
            csv.Append($"\"Song {i}\",rap,\"Pipeline {run}\",{2000 + i % 20},{i},{{}},")
                .Append($"\"[Verse 1: Pipeline {run}]\nline {i} of mine with a rhyme\nkeeping time on the climb\n\n[Chorus]\nhook number {i}\",")
                .Append($"{prefix}-{run}-{i},en\n");
        }
        return csv.ToString();
    }

    /// <summary>Rows per table for this run's tracks: stored, with features, with a USE-Lite vector, with the endpoint's vector.</summary>
    private static async Task<(long Stored, long Enriched, long Embedded, long EndpointEmbedded)> CountAsync(string sourceIdPrefix)
    {
        await using var connection = new NpgsqlConnection(await RunningSystem.App.GetConnectionStringAsync("catalogdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM catalog.tracks WHERE "SourceId" LIKE $1),
                   (SELECT count(*) FROM catalog.text_features f JOIN catalog.tracks t ON t."Id" = f."TrackId" WHERE t."SourceId" LIKE $1),
                   (SELECT count(*) FROM catalog.track_embeddings e JOIN catalog.tracks t ON t."Id" = e."TrackId" WHERE t."SourceId" LIKE $1 AND e."ModelId" = $2),
                   (SELECT count(*) FROM catalog.track_embeddings e JOIN catalog.tracks t ON t."Id" = e."TrackId" WHERE t."SourceId" LIKE $1 AND e."ModelId" = $3)
            """, connection);
        command.Parameters.AddWithValue($"{sourceIdPrefix}-%");
        command.Parameters.AddWithValue("use-lite-en@0.2.0");
        command.Parameters.AddWithValue(FakeOpenAiServer.EmbeddingModel);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
