using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The tracks nearest a vector under one model, through that model's HNSW cosine index, complete under filters:
/// pgvector filters after the index scan, so the scan is iterative (it goes on until enough rows pass the filter),
/// a filter matching few tracks is scanned exactly instead, and a scan that still stops short (its tuple budget
/// spent) is repeated exactly. Runs in the caller's transaction, whose settings it sets locally.
/// </summary>
public sealed class SemanticSearch(IOptions<SearchOptions> options)
{
    /// <summary>What a similar-tracks search leaves out: the track itself and any with its lyrics.</summary>
    public sealed record Exclusion(Guid TrackId, string ContentHash);

    public async Task<IReadOnlyList<RankedTrack>> NearestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string modelId, float[] vector, SearchFilters filters, bool qualityScored, Exclusion? exclusion, int limit,
        CancellationToken cancellationToken)
    {
        var exact = filters.Any && await MatchingAtMostAsync(connection, transaction, filters, qualityScored, options.Value.ExactScanBelow, cancellationToken);
        var nearest = await RunAsync(connection, transaction, modelId, vector, filters, qualityScored, exclusion, limit, exact, cancellationToken);
        if (!exact && nearest.Count < limit && (filters.Any || exclusion is not null))
        {
            nearest = await RunAsync(connection, transaction, modelId, vector, filters, qualityScored, exclusion, limit, exact: true, cancellationToken);
        }
        return nearest;
    }

    /// <summary>The exact nearest tracks, a sequential scan: the ground truth the index is measured against.</summary>
    public static Task<IReadOnlyList<RankedTrack>> ExactAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string modelId, float[] vector, SearchFilters filters, bool qualityScored, int limit, CancellationToken cancellationToken) =>
        RunAsync(connection, transaction, modelId, vector, filters, qualityScored, null, limit, null, cancellationToken);

    private Task<IReadOnlyList<RankedTrack>> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string modelId, float[] vector, SearchFilters filters, bool qualityScored, Exclusion? exclusion, int limit, bool exact,
        CancellationToken cancellationToken) =>
        RunAsync(connection, transaction, modelId, vector, filters, qualityScored, exclusion, limit, exact ? null : options.Value, cancellationToken);

    /// <param name="index">The index scan's settings, or null for an exact scan.</param>
    private static async Task<IReadOnlyList<RankedTrack>> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string modelId, float[] vector, SearchFilters filters, bool qualityScored, Exclusion? exclusion, int limit,
        SearchOptions? index, CancellationToken cancellationToken)
    {
        var column = EmbeddingIndexes.IndexedVector("e.\"Vector\"", vector.Length);
        var parameter = EmbeddingIndexes.IndexedVector("@vector", vector.Length);
        if (column is null || parameter is null)
        {
            return [];
        }
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (index is not null)
        {
            batch.BatchCommands.Add(HnswScanSettings.Command(Math.Max(index.EfSearch, limit), index.MaxScanTuples));
        }

        var nearest = new NpgsqlBatchCommand();
        var parameters = nearest.Parameters;
        parameters.AddWithValue("vector", new Vector(vector));
        parameters.AddWithValue("limit", limit);
        var excluded = "";
        if (exclusion is not null)
        {
            excluded = """ AND t."Id" <> @source AND t."ContentHash" <> @source_hash""";
            parameters.AddWithValue("source", exclusion.TrackId);
            parameters.AddWithValue("source_hash", exclusion.ContentHash);
        }
        var where = FilterSql.Where(filters, qualityScored, parameters);
        // An exact scan orders by "distance + 0", an expression no index provides: a scan of the rows the filter leaves.
        nearest.CommandText = $"""
            WITH nn AS MATERIALIZED (
                SELECT e."TrackId", {column} <=> {parameter} AS distance
                FROM catalog.track_embeddings e
                JOIN catalog.tracks t ON t."Id" = e."TrackId"
                JOIN catalog.artists a ON a."Id" = t."ArtistId"
                WHERE e."ModelId" = {EmbeddingIndexes.ModelLiteral(modelId)}{where}{excluded}
                ORDER BY {(index is null ? $"({column} <=> {parameter}) + 0" : $"{column} <=> {parameter}")}
                LIMIT @limit)
            SELECT "TrackId", 1 - distance FROM nn ORDER BY distance, "TrackId"
            """;
        batch.BatchCommands.Add(nearest);

        var ranked = new List<RankedTrack>(limit);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (index is not null)
        {
            await reader.NextResultAsync(cancellationToken);
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(new RankedTrack(reader.GetGuid(0), reader.GetDouble(1)));
        }
        return ranked;
    }

    /// <summary>Whether at most <paramref name="threshold"/> tracks pass the filters: then an exact scan is the cheaper.</summary>
    public static async Task<bool> MatchingAtMostAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        SearchFilters filters, bool qualityScored, int threshold, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("threshold", threshold + 1);
        command.CommandText = $"""
            SELECT count(*) FROM (SELECT 1 FROM catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId"
                                  WHERE true{FilterSql.Where(filters, qualityScored, command.Parameters)} LIMIT @threshold) matching
            """;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! <= threshold;
    }
}
