using System.Net;
using System.Net.Http.Json;
using MassTransit;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The catalog's feature refresh on real Postgres and RabbitMQ with the real enrichment: tracks whose features an
/// earlier version computed are asked for again exactly once, also when the catalog stopped in the middle of a
/// refresh and resumes it as it starts, and end up with the current version's features.
/// </summary>
[TestFixture]
public sealed class FeatureRefreshTests
{
    private const int Tracks = 300;
    private const int AskedBeforeTheStop = 100;

    [Test]
    public async Task A_refresh_interrupted_and_resumed_asks_for_every_outdated_track_once_and_brings_all_to_the_current_version()
    {
        await using var requests = await TestBus<TrackFeaturesRequested>.StartAsync();
        await using var enrichment = await ServiceRun.StartAsync("enrichment");
        var catalog = await ServiceRun.StartAsync("catalog");
        var artist = $"Refreshed {Guid.NewGuid():N}";
        await AtomicPublish.PublishAsync(ScrapedBatch.Of(artist, Tracks));
        await Eventually.GetAsync(() => CountAsync(artist, $"f.\"Version\" = {FeaturesVersion.Current}"), count => count == Tracks, TimeSpan.FromSeconds(120));
        await catalog.DisposeAsync();

        // As features of the earlier version, with a refresh that had asked for the first hundred when the catalog stopped:
        // their requests were in its outbox, so they reach enrichment as the catalog starts again.
        await CatalogDatabase.ExecuteAsync($"""
            UPDATE catalog.text_features f SET "Version" = 1, "RhymeDensity" = -1, "RequestedVersion" = 0
            FROM catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId"
            WHERE f."TrackId" = t."Id" AND a."Name" = '{artist}';
            INSERT INTO catalog.feature_refreshes ("TargetVersion", "StartedAt") VALUES ({FeaturesVersion.Current}, now());
            """);
        var asked = await AskedAsync(artist);
        await CatalogDatabase.ExecuteAsync($"""
            UPDATE catalog.text_features SET "RequestedVersion" = {FeaturesVersion.Current}
            WHERE "TrackId" IN ({string.Join(',', asked.Take(AskedBeforeTheStop).Select(r => $"'{r.TrackId}'"))});
            """);
        await requests.Publisher.PublishBatch(asked.Take(AskedBeforeTheStop));

        catalog = await ServiceRun.StartAsync("catalog");
        try
        {
            await Eventually.GetAsync(() => CountAsync(artist, $"f.\"Version\" = {FeaturesVersion.Current} AND f.\"RhymeDensity\" >= 0"),
                count => count == Tracks, TimeSpan.FromSeconds(120));
            // A second start of the same refresh asks for nothing more.
            var again = await catalog.Http.PostAsync("/features/refresh", null);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var progress = await catalog.Http.GetFromJsonAsync<FeatureRefreshState>("/features/refresh");
            var track = await catalog.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/tracks/{asked[0].TrackId}");

            var ids = asked.Select(r => r.TrackId).ToHashSet();
            var received = requests.Received.Select(c => c.Message.TrackId).Where(ids.Contains).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(received, Has.Count.EqualTo(Tracks), "requests for the artist's tracks");
                Assert.That(received.Distinct().Count(), Is.EqualTo(Tracks), "tracks asked for");
                Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
                Assert.That(progress!.TargetVersion, Is.EqualTo(FeaturesVersion.Current));
                Assert.That(progress.RequestsSentAt, Is.Not.Null);
                Assert.That(progress.Waiting, Is.Zero);
                Assert.That(track.GetProperty("featuresVersion").GetInt32(), Is.EqualTo(FeaturesVersion.Current));
            });
        }
        finally
        {
            await catalog.DisposeAsync();
        }
    }

    private sealed record FeatureRefreshState(int TargetVersion, string State, int Tracks, int Current, int Requested, int Waiting, DateTimeOffset? RequestsSentAt);

    private static Task<long> CountAsync(string artist, string condition) => CatalogDatabase.ScalarAsync<long>($"""
        SELECT count(*) FROM catalog.text_features f JOIN catalog.tracks t ON t."Id" = f."TrackId"
        JOIN catalog.artists a ON a."Id" = t."ArtistId" WHERE a."Name" = $1 AND {condition}
        """, artist);

    /// <summary>The requests the catalog would send for the artist's tracks, in the order it sends them.</summary>
    private static async Task<List<TrackFeaturesRequested>> AskedAsync(string artist)
    {
        await using var database = Npgsql.NpgsqlDataSource.Create(CatalogDatabase.ConnectionString);
        await using var command = database.CreateCommand("""
            SELECT t."Id", a."Name", t."Lyrics", t."ContentHash" FROM catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId"
            WHERE a."Name" = $1 ORDER BY t."Id"
            """);
        command.Parameters.AddWithValue(artist);
        await using var reader = await command.ExecuteReaderAsync();
        var asked = new List<TrackFeaturesRequested>();
        while (await reader.ReadAsync())
        {
            asked.Add(new TrackFeaturesRequested(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return asked;
    }
}
