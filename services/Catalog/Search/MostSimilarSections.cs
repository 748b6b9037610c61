using Npgsql;
using Pgvector;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Each track's section most similar to a query vector, among the sections stored under the query's model: what a
/// hit found by meaning alone shows, rather than lines that merely share a word with the query. A track whose
/// sections were never stored (enriched before they were carried) is missing from the answer.
/// </summary>
public static class MostSimilarSections
{
    public static async Task<IReadOnlyDictionary<Guid, string>> OfAsync(NpgsqlConnection connection, string modelId, float[] vector,
        IReadOnlyCollection<Guid> trackIds, CancellationToken cancellationToken)
    {
        var sections = new Dictionary<Guid, string>();
        if (trackIds.Count == 0)
        {
            return sections;
        }
        // Only rows of the query's model are ordered, so only vectors of the query's size are compared.
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON ("TrackId") "TrackId", "Text"
            FROM catalog.section_embeddings
            WHERE "TrackId" = ANY(@tracks) AND "ModelId" = @model
            ORDER BY "TrackId", "Vector" <=> @vector, "Ordinal"
            """, connection);
        command.Parameters.AddWithValue("tracks", trackIds.ToArray());
        command.Parameters.AddWithValue("model", modelId);
        command.Parameters.AddWithValue("vector", new Vector(vector));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sections[reader.GetGuid(0)] = reader.GetString(1);
        }
        return sections;
    }
}
