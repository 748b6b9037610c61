using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// One HNSW cosine index per embedding model, over that model's vectors only (a partial expression index at the
/// model's dimension), so semantic search within a model is fast and models never mix. USE-Lite's comes with the
/// migrations; any other model's (an embedding endpoint's) is created the first time its vectors are stored.
/// </summary>
public sealed class EmbeddingIndexes
{
    private readonly ConcurrentDictionary<string, bool> _indexed = new(StringComparer.Ordinal);

    public async Task EnsureAsync(CatalogDbContext db, IEnumerable<(string ModelId, int Dimensions)> models, CancellationToken cancellationToken)
    {
        foreach (var (modelId, dimensions) in models.Distinct())
        {
            if (_indexed.ContainsKey(modelId) || await HasIndexAsync(db, modelId, cancellationToken))
            {
                _indexed[modelId] = true;
                continue;
            }
            // DDL takes no parameters: the name is hex, the dimension a number and the model id a quoted literal.
            // Not concurrently: for a model never seen before the index covers no rows yet, so it is built at once.
            var createIndex = $"""
                CREATE INDEX IF NOT EXISTS "{IndexName(modelId)}" ON catalog.track_embeddings
                USING hnsw (("Vector"::vector({dimensions})) vector_cosine_ops)
                WHERE "ModelId" = {Literal(modelId)}
                """;
            await db.Database.ExecuteSqlRawAsync(createIndex, cancellationToken);
            _indexed[modelId] = true;
        }
    }

    /// <summary>A name Postgres accepts (at most 63 bytes) for any model id.</summary>
    public static string IndexName(string modelId) =>
        $"IX_track_embeddings_hnsw_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId)))[..16]}";

    private static Task<bool> HasIndexAsync(CatalogDbContext db, string modelId, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM pg_indexes
                           WHERE schemaname = 'catalog' AND tablename = 'track_embeddings'
                             AND indexdef LIKE '%USING hnsw%' AND indexdef LIKE '%' || quote_literal({modelId}) || '%') AS "Value"
            """).SingleAsync(cancellationToken);

    private static string Literal(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
}
