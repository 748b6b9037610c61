using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The indexes search walks: each model's HNSW index on the embeddings and the GIN index on the tracks' search text
/// (the line signs are scanned in memory: <see cref="LineSignsInMemory"/>),
/// with their size, validity and build parameters, as Postgres's catalog has them.
/// </summary>
public static class SearchIndexes
{
    /// <param name="leftovers">The invalid <c>…_ccnew</c> indexes a cut-off concurrent rebuild left, instead of the indexes.</param>
    public static async Task<IReadOnlyList<SearchIndex>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken,
        bool leftovers = false)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT i.relname, c.relname, am.amname, pg_relation_size(i.oid), x.indisvalid, coalesce(array_to_string(i.reloptions, ', '), '')
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_am am ON am.oid = i.relam
            WHERE x.indrelid IN (to_regclass('catalog.track_embeddings'), to_regclass('catalog.line_signs'), to_regclass('catalog.tracks'))
              AND am.amname IN ('hnsw', 'gin')
              AND {(leftovers ? "i.relname LIKE '%\\_ccnew%' AND NOT x.indisvalid" : "i.relname NOT LIKE '%\\_ccnew%'")}
            ORDER BY c.relname, i.relname
            """, connection);
        var indexes = new List<SearchIndex>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add(new SearchIndex(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetBoolean(4),
                reader.GetString(5)));
        }
        return indexes;
    }

    /// <summary>The index builds under way on the search tables, as "building {index} on {table} ({phase})".</summary>
    public static async Task<IReadOnlyList<string>> BuildsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT 'building ' || coalesce(i.relname, 'an index') || ' on ' || c.relname || ' (' || p.phase || ')'
            FROM pg_stat_progress_create_index p
            JOIN pg_class c ON c.oid = p.relid
            LEFT JOIN pg_class i ON i.oid = p.index_relid
            WHERE p.relid IN (to_regclass('catalog.track_embeddings'), to_regclass('catalog.line_signs'), to_regclass('catalog.tracks'))
            """, connection);
        var builds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            builds.Add(reader.GetString(0));
        }
        return builds;
    }

    public static async Task<long> SizeAsync(NpgsqlConnection connection, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(pg_relation_size(to_regclass(quote_ident('catalog') || '.' || quote_ident(@name))), 0)", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <param name="Options">The index's storage parameters as Postgres keeps them (an HNSW index's m and ef_construction), empty at the defaults.</param>
public sealed record SearchIndex(string Name, string Table, string Method, long SizeBytes, bool Valid, string Options);
