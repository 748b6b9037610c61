using Microsoft.Extensions.Options;
using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The semantic side of a search for one query vector: the tracks nearest it by their pooled vector, which finds
/// themes, and, when the model has lines, the tracks of its nearest lines, which finds half-remembered lines
/// (<see cref="SemanticMatches"/>). In the caller's transaction, whose index settings both set locally.
/// </summary>
public sealed class SemanticSide(SemanticSearch semantic, LineSearch lineSearch, IOptions<SearchOptions> options)
{
    /// <param name="depth">The tracks the pooled vectors rank; the line side ranks at most <see cref="SearchOptions.LineCandidates"/> of them.</param>
    public async Task<SemanticMatches> FindAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string model, float[] vector,
        SearchFilters filters, bool qualityScored, int depth, CancellationToken cancellationToken)
    {
        var nearest = await semantic.NearestAsync(connection, transaction, model, vector, filters, qualityScored, null, depth, cancellationToken);
        var lines = LineSearch.Covers(model)
            ? await lineSearch.NearestAsync(connection, transaction, vector, filters, qualityScored, Math.Min(depth, options.Value.LineCandidates),
                cancellationToken)
            : [];
        return new SemanticMatches(nearest, lines);
    }
}
