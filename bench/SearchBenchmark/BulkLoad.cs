using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using Pgvector;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Bench;

/// <summary>
/// Loads generated tracks straight into the catalog's database with binary COPY: artists, tracks (lyrics, year,
/// language, content hash; the SearchText trigger fills the tsvector as for any insert), USE-Lite vectors and line signs (whose triggers note each track for the catalog's lines in memory). The
/// benchmark measures search, not ingest (bench/run.sh without options measures ingest). The HNSW and GIN indexes
/// are dropped before a load and built after it, timed, with a raised maintenance_work_mem.
/// </summary>
public sealed class BulkLoad(NpgsqlDataSource database)
{
    public const string HnswIndex = "IX_track_embeddings_use_lite_hnsw";
    public const string GinIndex = "IX_tracks_search_text";
    public const int Artists = 1_000;
    public const int FirstYear = 1926;

    /// <summary>Track i's id: a fixed Guid the benchmark maps back to i.</summary>
    public static Guid TrackId(int i) => new((uint)i, 0x5ea4, 0xbe4c, 0, 0, 0, 0, 0, 0, 0, 1);

    public static int TrackIndex(Guid id) => (int)BitConverter.ToUInt32(id.ToByteArray(), 0);

    private static Guid ArtistId(int a) => new((uint)a, 0x5ea4, 0xa7a7, 0, 0, 0, 0, 0, 0, 0, 2);

    public static string ArtistName(int a) => $"Bench Artist {a:D4}";

    /// <summary>Years 1926–2025, one in a hundred tracks each: a one-year filter matches 1% of the catalog.</summary>
    public static int Year(int i) => FirstYear + i % 100;

    public async Task DropIndexesAsync() =>
        await ExecuteAsync($"""DROP INDEX IF EXISTS catalog."{HnswIndex}"; DROP INDEX IF EXISTS catalog."{GinIndex}";""");

    /// <param name="lineSigns">Track i's line signs (<see cref="LineCache"/>), or null for a track loaded without lines.</param>
    public async Task<(TimeSpan Took, long Lines)> LoadAsync(int from, int to, Func<int, float[]> vector, Func<int, byte[]?> lineSigns)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await database.OpenConnectionAsync();
        if (from == 0)
        {
            await using var artists = await connection.BeginBinaryImportAsync(
                """COPY catalog.artists ("Id", "Name", "NormalizedName") FROM STDIN (FORMAT BINARY)""");
            for (var a = 0; a < Artists; a++)
            {
                await artists.StartRowAsync();
                await artists.WriteAsync(ArtistId(a), NpgsqlDbType.Uuid);
                await artists.WriteAsync(ArtistName(a), NpgsqlDbType.Varchar);
                await artists.WriteAsync(ArtistIdentity.Key(ArtistName(a)), NpgsqlDbType.Varchar);
            }
            await artists.CompleteAsync();
        }
        var storedAt = DateTimeOffset.UtcNow;
        await using (var tracks = await connection.BeginBinaryImportAsync(
            """COPY catalog.tracks ("Id", "ArtistId", "Title", "Year", "Lyrics", "Source", "SourceId", "ContentHash", "Language", "StoredAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = from; i < to; i++)
            {
                var lyrics = SpokenLyrics.Track(i);
                await tracks.StartRowAsync();
                await tracks.WriteAsync(TrackId(i), NpgsqlDbType.Uuid);
                await tracks.WriteAsync(ArtistId(i % Artists), NpgsqlDbType.Uuid);
                await tracks.WriteAsync($"Song {i}", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(Year(i), NpgsqlDbType.Integer);
                await tracks.WriteAsync(lyrics, NpgsqlDbType.Text);
                await tracks.WriteAsync("search-bench", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await tracks.WriteAsync(LyricsHash.Compute(lyrics), NpgsqlDbType.Varchar);
                await tracks.WriteAsync("en", NpgsqlDbType.Varchar);
                await tracks.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
                if ((i - from + 1) % 100_000 == 0)
                {
                    Console.WriteLine($"  {i - from + 1:N0} tracks copied ({clock.Elapsed.TotalSeconds:0} s)");
                }
            }
            await tracks.CompleteAsync();
        }
        await using (var embeddings = await connection.BeginBinaryImportAsync(
            """COPY catalog.track_embeddings ("TrackId", "ModelId", "Vector", "ComputedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = from; i < to; i++)
            {
                await embeddings.StartRowAsync();
                await embeddings.WriteAsync(TrackId(i), NpgsqlDbType.Uuid);
                await embeddings.WriteAsync(EmbeddingModels.UseLite, NpgsqlDbType.Varchar);
                await embeddings.WriteAsync(new Vector(vector(i)), "vector");
                await embeddings.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
            }
            await embeddings.CompleteAsync();
        }
        var lines = 0L;
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY catalog.line_signs ("TrackId", "ModelId", "Ordinal", "Text", "Signs") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = from; i < to; i++)
            {
                if (lineSigns(i) is not { } signs)
                {
                    continue;
                }
                var ordinal = 0;
                foreach (var line in LineCache.Lines(i, signs))
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(TrackId(i), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(EmbeddingModels.UseLite, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(ordinal++, NpgsqlDbType.Integer);
                    await copy.WriteAsync(line.Text, NpgsqlDbType.Text);
                    await copy.WriteAsync(LineSigns.Bits(line.Signs), NpgsqlDbType.Varbit);
                    lines++;
                }
            }
            await copy.CompleteAsync();
        }
        return (clock.Elapsed, lines);
    }

    public async Task<(TimeSpan Took, long Bytes)> BuildGinAsync()
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync($"""
            SET maintenance_work_mem = '1GB';
            CREATE INDEX "{GinIndex}" ON catalog.tracks USING gin ("SearchText");
            """);
        return (clock.Elapsed, await SizeAsync(GinIndex));
    }

    /// <summary>The USE-Lite HNSW index as the migration makes it, with the given m and ef_construction.</summary>
    public async Task<(TimeSpan Took, long Bytes)> BuildHnswAsync(int m, int efConstruction)
    {
        await ExecuteAsync($"""DROP INDEX IF EXISTS catalog."{HnswIndex}";""");
        var clock = Stopwatch.StartNew();
        await ExecuteAsync($"""
            SET maintenance_work_mem = '2GB';
            SET max_parallel_maintenance_workers = 1;
            CREATE INDEX "{HnswIndex}" ON catalog.track_embeddings
            USING hnsw (("Vector"::vector(512)) vector_cosine_ops) WITH (m = {m}, ef_construction = {efConstruction})
            WHERE "ModelId" = '{EmbeddingModels.UseLite}';
            """);
        return (clock.Elapsed, await SizeAsync(HnswIndex));
    }

    public async Task<TimeSpan> VacuumAnalyzeAsync()
    {
        var clock = Stopwatch.StartNew();
        await ExecuteAsync("VACUUM ANALYZE catalog.artists, catalog.tracks, catalog.track_embeddings, catalog.line_signs;");
        return clock.Elapsed;
    }

    public async Task<long> SizeAsync(string relation)
    {
        await using var command = database.CreateCommand($"""SELECT pg_relation_size('catalog."{relation}"')""");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> TotalSizeAsync(string table)
    {
        await using var command = database.CreateCommand($"SELECT pg_total_relation_size('catalog.{table}')");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
