using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The tracks nearest a stored track by its embedding under one model, filtered as search is, never the track itself
/// nor a track with its lyrics (the same content hash).
/// </summary>
public sealed class SimilarTracks(CatalogDbContext db, SemanticSearch semantic, SearchCache cache, IOptions<SearchOptions> options)
{
    /// <summary>The nearest tracks, or null when there is no such track.</summary>
    public async Task<SearchAnswer?> FindAsync(SimilarRequest request, CancellationToken cancellationToken)
    {
        var took = Stopwatch.StartNew();
        // Kept as search's answers are, under the generation every stored or enriched track raises.
        var key = JsonSerializer.Serialize(new { similar = request, settings = options.Value });
        return await cache.AnswerAsync(key, took, () => ComputeAsync(request, took, cancellationToken), _ => true);
    }

    // A model's first vector makes its index (EmbeddingIndexes): the index answers at once; only a model without one
    // (above the dimensions HNSW takes) is looked for among the vectors.
    private static async Task<bool> StoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string model, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT to_regclass(@index) IS NOT NULL OR EXISTS (SELECT 1 FROM catalog.track_embeddings WHERE "ModelId" = @model)
            """, connection, transaction);
        command.Parameters.AddWithValue("index", $"catalog.\"{EmbeddingIndexes.IndexName(model)}\"");
        command.Parameters.AddWithValue("model", model);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<SearchAnswer?> ComputeAsync(SimilarRequest request, Stopwatch took, CancellationToken cancellationToken)
    {
        var model = request.Model ?? TrackSearch.DefaultModel;
        var notes = new List<string>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var source = new NpgsqlCommand("""
                SELECT t."ContentHash", e."Vector" FROM catalog.tracks t
                LEFT JOIN catalog.track_embeddings e ON e."TrackId" = t."Id" AND e."ModelId" = @model
                WHERE t."Id" = @id
                """, connection, transaction);
            source.Parameters.AddWithValue("id", request.TrackId);
            source.Parameters.AddWithValue("model", model);
            string contentHash;
            float[]? vector;
            await using (var reader = await source.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return null;
                }
                contentHash = reader.GetString(0);
                vector = reader.IsDBNull(1) ? null : reader.GetFieldValue<Vector>(1).ToArray();
            }
            IReadOnlyList<RankedTrack> nearest = [];
            if (vector is null && request.Model is not null && !await StoredAsync(connection, transaction, model, cancellationToken))
            {
                throw new UnknownModelException($"No track has vectors of the model '{model}'.");
            }
            if (vector is null)
            {
                notes.Add($"The track has no {model} embedding yet, so nothing can be compared with it.");
            }
            else
            {
                var qualityScored = await TrackSearch.QualityScoredAsync(connection, transaction, request.Filter, notes, cancellationToken);
                nearest = await semantic.NearestAsync(connection, transaction, model, vector, request.Filter, qualityScored,
                    new SemanticSearch.Exclusion(request.TrackId, contentHash), request.Limit, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            var ids = nearest.Select(n => n.Id).ToList();
            var tracks = await db.Tracks.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new TrackSummary(t.Id, t.Title, t.Artist!.Name, t.Year))
                .ToDictionaryAsync(t => t.Id, cancellationToken);
            var hits = nearest.Where(n => tracks.ContainsKey(n.Id))
                .Select(n => new SearchHit(tracks[n.Id], n.Score, [ReciprocalRankFusion.Semantic], []))
                .ToList();
            return new SearchAnswer(hits, 1, request.Limit, "similar", model, took.Elapsed.TotalMilliseconds, notes);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
