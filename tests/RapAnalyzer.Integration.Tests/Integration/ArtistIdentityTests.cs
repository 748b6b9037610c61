using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Data.Migrations;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The catalog on real Postgres stores the spellings of one artist as one artist, and its migration merges those it stored apart.</summary>
[TestFixture]
public sealed class ArtistIdentityTests
{
    private ServiceRun _catalog = null!;
    private TestBus<TrackStored> _stored = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _catalog = await ServiceRun.StartAsync("catalog");
        _stored = await TestBus<TrackStored>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _stored.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    /// <summary>Stores a track under each name in turn, so the first name is the one the catalog saw first.</summary>
    private async Task StoreTracksAsync(string id, params string[] artists)
    {
        for (var i = 0; i < artists.Length; i++)
        {
            await _stored.Publisher.Publish(new TrackScraped("test", $"{id}-{i}", $"Song {i}", artists[i], $"verse number {i} of {id}"));
            await _stored.WaitForAsync(m => m.Artist == artists[0], i + 1, TimeSpan.FromSeconds(30));
        }
    }

    private Task<ArtistDetails?> GetArtistAsync(string name) =>
        _catalog.Http.GetFromJsonAsync<ArtistDetails>($"/artists/{Uri.EscapeDataString(name)}");

    [Test]
    public async Task Tracks_by_two_spellings_of_an_artist_are_one_artists_under_the_name_first_seen()
    {
        var id = Guid.NewGuid().ToString("N");
        await StoreTracksAsync(id, $"JAY-Z {id}", $"Jay Z {id}");

        var artist = await GetArtistAsync($"Jay-Z {id}");
        var page = await _catalog.Http.GetFromJsonAsync<TrackPage>($"/tracks?artist={Uri.EscapeDataString($"JayZ {id}")}");

        Assert.Multiple(() =>
        {
            Assert.That(artist!.Name, Is.EqualTo($"JAY-Z {id}"));
            Assert.That(artist.Tracks, Is.EqualTo(2));
            Assert.That(page!.Total, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_migration_re_keys_artists_and_merges_those_stored_apart_into_the_first()
    {
        var id = Guid.NewGuid().ToString("N");
        await StoreTracksAsync(id, $"JAY-Z {id}", $"Jay Z {id}");
        // As the former rule stored them: two artists, keyed by their lower-case names.
        var later = Guid.CreateVersion7();
        await CatalogDatabase.ExecuteAsync($"""
            UPDATE catalog.artists SET "NormalizedName" = 'jay-z {id}' WHERE "NormalizedName" = 'jayz{id}';
            INSERT INTO catalog.artists ("Id", "Name", "NormalizedName") VALUES ('{later}', 'Jay Z {id}', 'jay z {id}');
            UPDATE catalog.tracks SET "ArtistId" = '{later}' WHERE "SourceId" = '{id}-1';
            """);

        await ApplyMigrationAsync();
        var artist = await GetArtistAsync($"Jay-Z {id}");
        var artists = await CatalogDatabase.ScalarAsync<long>("""SELECT count(*) FROM catalog.artists WHERE "Name" LIKE '%' || $1""", id);

        Assert.Multiple(() =>
        {
            Assert.That(artist!.Name, Is.EqualTo($"JAY-Z {id}"));
            Assert.That(artist.Tracks, Is.EqualTo(2));
            Assert.That(artists, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_migration_keys_every_spelling_as_the_catalog_does()
    {
        // A number in each name keeps the spellings of one artist apart, so none is merged away.
        var id = Guid.NewGuid().ToString("N")[..8];
        var names = ArtistSpellings.OneArtist.SelectMany(spellings => spellings).Concat(ArtistSpellings.Apart.Select(pair => pair.Other))
            .Select((name, i) => $"{name} {i}{id}");
        var stored = await StoreArtistsAsync(names);

        await ApplyMigrationAsync();

        foreach (var (artistId, name) in stored)
        {
            var key = await CatalogDatabase.ScalarAsync<string>("""SELECT "NormalizedName" FROM catalog.artists WHERE "Id" = $1""", artistId);
            Assert.That(key, Is.EqualTo(ArtistIdentity.Key(name)), name);
        }
    }

    /// <summary>Artists of these names without tracks, keyed by their Ids as no rule would.</summary>
    private static async Task<List<(Guid Id, string Name)>> StoreArtistsAsync(IEnumerable<string> names)
    {
        List<(Guid Id, string Name)> stored = [.. names.Select(name => (Guid.CreateVersion7(), name))];
        await using var database = NpgsqlDataSource.Create(CatalogDatabase.ConnectionString);
        foreach (var (artistId, name) in stored)
        {
            await using var insert = database.CreateCommand("""INSERT INTO catalog.artists ("Id", "Name", "NormalizedName") VALUES ($1, $2, $3)""");
            insert.Parameters.AddWithValue(artistId);
            insert.Parameters.AddWithValue(name);
            insert.Parameters.AddWithValue(artistId.ToString());
            await insert.ExecuteNonQueryAsync();
        }
        return stored;
    }

    /// <summary>The migration's SQL run again on the catalog, as it ran on a database of the former keys.</summary>
    private static async Task ApplyMigrationAsync()
    {
        var sql = new ArtistIdentityKey().UpOperations.OfType<SqlOperation>().Single().Sql;
        await using var connection = new NpgsqlConnection(CatalogDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
