using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// One HNSW cosine index per embedding model, over that model's vectors only (a partial expression index at the
/// model's dimension), so semantic search within a model is fast and models never mix. USE-Lite's comes with the
/// migrations; any other model's (an embedding endpoint's) is created the first time its vectors are stored:
/// on <c>vector(n)</c> up to 2,000 dimensions, on <c>halfvec(n)</c> up to 4,000 (pgvector's HNSW limits); a larger
/// model's vectors are stored without an index. Failing to create one never fails storing the vectors.
/// </summary>
public sealed class EmbeddingIndexes(ILogger<EmbeddingIndexes> logger)
{
    private const int MaxVectorDimensions = 2_000;
    private const int MaxHalfVectorDimensions = 4_000;

    private readonly ConcurrentDictionary<string, bool> _settled = new(StringComparer.Ordinal) { [EmbeddingModels.UseLite] = true };

    public async Task EnsureAsync(CatalogDbContext db, IEnumerable<(string ModelId, int Dimensions)> models, CancellationToken cancellationToken)
    {
        foreach (var (modelId, dimensions) in models.Distinct())
        {
            if (_settled.ContainsKey(modelId))
            {
                continue;
            }
            if (CreateIndexSql(modelId, dimensions) is not { } createIndex)
            {
                logger.LogWarning("Vectors of {Model} have {Dimensions} dimensions, more than pgvector's HNSW indexes take ({Max}); they are stored without an index",
                    modelId, dimensions, MaxHalfVectorDimensions);
            }
            else
            {
                try
                {
                    await db.Database.ExecuteSqlRawAsync(createIndex, cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
                {
                    // Another catalog replica created it at the same moment.
                }
                catch (PostgresException e)
                {
                    logger.LogWarning(e, "No HNSW index for vectors of {Model}; they are stored without one", modelId);
                }
            }
            _settled[modelId] = true;
        }
    }

    /// <summary>A name Postgres accepts (at most 63 bytes) for any model id.</summary>
    public static string IndexName(string modelId) =>
        $"IX_track_embeddings_hnsw_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelId)))[..16]}";

    /// <summary>
    /// The indexed expression of a model's vectors, or null above the dimensions HNSW takes: a query must order by this
    /// very expression, its model id as a literal (<see cref="ModelLiteral"/>), for the planner to use the model's index.
    /// </summary>
    public static string? IndexedVector(string operand, int dimensions) => dimensions switch
    {
        <= MaxVectorDimensions => $"{operand}::vector({dimensions})",
        <= MaxHalfVectorDimensions => $"{operand}::halfvec({dimensions})",
        _ => null,
    };

    /// <summary>A model id as a SQL literal: a partial index's predicate is proven only against a literal, never a parameter.</summary>
    public static string ModelLiteral(string modelId) => $"'{modelId.Replace("'", "''", StringComparison.Ordinal)}'";

    // DDL takes no parameters: the name is hex, the dimension a number and the model id a quoted literal. Not built
    // concurrently: a model seen for the first time has no rows yet, so the build is a scan of the table and no more.
    private static string? CreateIndexSql(string modelId, int dimensions)
    {
        var operators = dimensions <= MaxVectorDimensions ? "vector_cosine_ops" : "halfvec_cosine_ops";
        return IndexedVector("\"Vector\"", dimensions) is not { } indexed ? null : $"""
            CREATE INDEX IF NOT EXISTS "{IndexName(modelId)}" ON catalog.track_embeddings
            USING hnsw (({indexed}) {operators})
            WHERE "ModelId" = {ModelLiteral(modelId)}
            """;
    }
}
