using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using Pgvector.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;
using RapAnalyzer.Testing.Search;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// A catalog database of its own on the test Postgres, migrated as the catalog migrates, holding a fixed, seeded data
/// set: <see cref="Tracks"/> tracks by <see cref="Artists"/> artists, each year from 1900 on holding 1% of them, lyrics
/// of four lines of made-up words (each line in one track only), and USE-Lite-shaped vectors in 40 clusters (real
/// embeddings cluster by theme; uniformly random ones would make any index look bad), and the signs of a vector of
/// the same kind for each line (<see cref="LineVector"/>). Bulk-loaded, then indexed, as a real bulk load should be.
/// </summary>
public sealed class SearchCatalog : IAsyncDisposable
{
    public const int Tracks = 10_000;
    public const int Artists = 10;
    private const int Clusters = 40;
    private readonly string _database;

    private SearchCatalog(string database, NpgsqlDataSource dataSource)
    {
        _database = database;
        DataSource = dataSource;
    }

    public NpgsqlDataSource DataSource { get; }

    public static string ArtistName(int artist) => $"Search Artist {artist}";

    public static Guid TrackId(int track) => new($"00000000-0000-0000-0000-{track:D12}");

    public static int YearOf(int track) => 1900 + track / Artists % 100;

    /// <summary>The lyrics of track <paramref name="track"/>: four lines, each of six made-up words no other line has in that order.</summary>
    public static string Lyrics(int track) => string.Join('\n', Enumerable.Range(0, 4).Select(line => Line(track, line)));

    public static string Line(int track, int line)
    {
        var random = new Random(track * 4 + line);
        return string.Join(' ', Enumerable.Range(0, 6).Select(_ => Word(random.Next(3_000))));
    }

    private static string Word(int n)
    {
        string[] onsets = ["b", "d", "fl", "gr", "k", "m", "n", "p", "r", "sh", "st", "tr", "v", "z", "ch"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ee"];
        string[] codas = ["", "n", "k", "st", "z", "m", "x", "rd"];
        return onsets[n % onsets.Length] + vowels[n / onsets.Length % vowels.Length] + codas[n / (onsets.Length * vowels.Length) % codas.Length]
               + (n >= 960 ? vowels[n / 960 % vowels.Length] : "");
    }

    /// <summary>A vector near cluster <paramref name="cluster"/>'s centre, seeded by <paramref name="seed"/>.</summary>
    public static float[] Vector(int cluster, int seed)
    {
        var centre = new Random(1_000_000 + cluster);
        var noise = new Random(seed);
        var vector = new float[EmbeddingModels.UseLiteDimensions];
        for (var d = 0; d < vector.Length; d++)
        {
            vector[d] = (float)(centre.NextDouble() - 0.5 + (noise.NextDouble() - 0.5) * 0.9);
        }
        return vector;
    }

    /// <summary>The vector whose signs line <paramref name="line"/> of track <paramref name="track"/> holds.</summary>
    public static float[] LineVector(int track, int line) => Vector((track * 4 + line) % Clusters, 7_000_000 + track * 4 + line);

    public static async Task<SearchCatalog> CreateAsync()
    {
        var database = $"search_{Guid.NewGuid():N}";
        await CatalogDatabase.ExecuteAsync($"CREATE DATABASE {database}");
        var connectionString = new NpgsqlConnectionStringBuilder(CatalogDatabase.ConnectionString) { Database = database }.ConnectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        var catalog = new SearchCatalog(database, builder.Build());
        await using (var db = catalog.Context())
        {
            await db.Database.MigrateAsync();
        }
        // The data source cached the types before the migration created the vector extension.
        await catalog.DataSource.OpenConnection().ReloadTypesAsync();
        await catalog.LoadAsync();
        return catalog;
    }

    public CatalogDbContext Context() =>
        new(new DbContextOptionsBuilder<CatalogDbContext>().UseNpgsql(DataSource, npgsql => npgsql.UseVector()).Options);

    public static SemanticSearch Semantic(int exactScanBelow = 5_000) =>
        new(Options.Create(new SearchOptions { ExactScanBelow = exactScanBelow }));

    /// <summary>Line search over this catalog's lines, read into memory as the catalog reads them at start.</summary>
    public async Task<LineSearch> LinesAsync(int exactScanBelow = 5_000)
    {
        var (memory, refresh) = LinesInMemory();
        await refresh.CatchUpAsync(CancellationToken.None);
        return new LineSearch(memory, Options.Create(new SearchOptions { ExactScanBelow = exactScanBelow }));
    }

    /// <summary>An empty copy of the lines in memory, and what fills it from this catalog and keeps it current.</summary>
    public (LineSignsInMemory Memory, LineSignsRefresh Refresh) LinesInMemory()
    {
        var memory = new LineSignsInMemory();
        return (memory, new LineSignsRefresh(new DataSourceReads(DataSource), memory, Options.Create(new SearchOptions()),
            NullLogger<LineSignsRefresh>.Instance));
    }

    // This database is not the one whose changes raise search's cache generation: its answers must not be cached.
    private static readonly IConnectionMultiplexer NoRedis = DisconnectedRedis.Connect();

    /// <summary>Similar tracks on this catalog, computed every time (Redis away).</summary>
    public static SimilarTracks Similar(CatalogDbContext db)
    {
        var options = Options.Create(new SearchOptions());
        return new SimilarTracks(db, Semantic(), new SearchCache(NoRedis, options, NullLogger<SearchCache>.Instance), options);
    }

    private async Task LoadAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using (var drop = new NpgsqlCommand("""DROP INDEX catalog."IX_track_embeddings_use_lite_hnsw" """, connection))
        {
            await drop.ExecuteNonQueryAsync();
        }
        await using (var artists = await connection.BeginBinaryImportAsync("""COPY catalog.artists ("Id", "Name", "NormalizedName") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var a = 0; a < Artists; a++)
            {
                await artists.WriteRowAsync(default, ArtistId(a), ArtistName(a), ArtistIdentity.Key(ArtistName(a)));
            }
            await artists.CompleteAsync();
        }
        await using (var tracks = await connection.BeginBinaryImportAsync("""
            COPY catalog.tracks ("Id", "ArtistId", "Title", "Lyrics", "Source", "SourceId", "ContentHash", "Year", "Language", "StoredAt") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var t = 0; t < Tracks; t++)
            {
                await tracks.StartRowAsync();
                await tracks.WriteAsync(TrackId(t), NpgsqlDbType.Uuid);
                await tracks.WriteAsync(ArtistId(t % Artists), NpgsqlDbType.Uuid);
                await tracks.WriteAsync($"Song {t}", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(Lyrics(t), NpgsqlDbType.Text);
                await tracks.WriteAsync("search-test", NpgsqlDbType.Varchar);
                await tracks.WriteAsync($"{t}", NpgsqlDbType.Varchar);
                await tracks.WriteAsync($"{t:x64}", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(YearOf(t), NpgsqlDbType.Integer);
                await tracks.WriteAsync(t % 2 == 0 ? "en" : "fr", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await tracks.CompleteAsync();
        }
        await using (var embeddings = await connection.BeginBinaryImportAsync("""
            COPY catalog.track_embeddings ("TrackId", "ModelId", "Vector", "ComputedAt") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var t = 0; t < Tracks; t++)
            {
                await embeddings.WriteRowAsync(default, TrackId(t), EmbeddingModels.UseLite, new Vector(Vector(t % Clusters, t)), DateTimeOffset.UtcNow);
            }
            await embeddings.CompleteAsync();
        }
        await using (var lines = await connection.BeginBinaryImportAsync("""
            COPY catalog.line_signs ("TrackId", "ModelId", "Ordinal", "Text", "Signs") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var t = 0; t < Tracks; t++)
            {
                for (var line = 0; line < 4; line++)
                {
                    await lines.WriteRowAsync(default, TrackId(t), EmbeddingModels.UseLite, line, Line(t, line),
                        Catalog.Domain.LineSigns.Bits(LyricsLineSigns.Of(LineVector(t, line))));
                }
            }
            await lines.CompleteAsync();
        }
        // The migration's index, built once over the loaded rows (faster than growing it row by row) with room for the graph.
        await using var index = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("SET maintenance_work_mem = '256MB'"),
                new("""
                    CREATE INDEX "IX_track_embeddings_use_lite_hnsw" ON catalog.track_embeddings
                    USING hnsw (("Vector"::vector(512)) vector_cosine_ops) WHERE "ModelId" = 'use-lite-en@0.2.0'
                    """),
            },
        };
        await index.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    public static Guid ArtistId(int artist) => new($"00000000-0000-0000-0001-{artist:D12}");

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await CatalogDatabase.ExecuteAsync($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }
}
