using Microsoft.Extensions.Options;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The semantic side of a search for one query vector: the tracks nearest it by their pooled vector, which finds
/// themes, and, when the model has lines, the tracks of its nearest lines, which finds half-remembered lines
/// (<see cref="SemanticMatches"/>). The two are read at once, each in its own transaction: a query waits for the
/// slower of them, not for both.
/// </summary>
public sealed class SemanticSide(SemanticSearch semantic, LineSearch lineSearch, IOptions<SearchOptions> options)
{
    /// <summary>The tracks the pooled vectors rank for a list <paramref name="depth"/> deep: fewer beside lines.</summary>
    public static int PooledDepth(SearchOptions settings, string model, int depth) =>
        LineSearch.Covers(model) ? Math.Min(depth, settings.PooledCandidates) : depth;

    /// <param name="depth">
    /// The tracks the pooled vectors rank; beside lines at most <see cref="SearchOptions.PooledCandidates"/> of them,
    /// and the line side at most <see cref="SearchOptions.LineCandidates"/>.
    /// </param>
    public async Task<SemanticMatches> FindAsync(ICatalogReads reads, string model, float[] vector, SearchFilters filters, bool qualityScored,
        int depth, CancellationToken cancellationToken)
    {
        var withLines = LineSearch.Covers(model);
        var pooled = PooledDepth(options.Value, model, depth);
        var nearest = reads.ReadAsync((connection, transaction) =>
            semantic.NearestAsync(connection, transaction, model, vector, filters, qualityScored, null, pooled, cancellationToken), cancellationToken);
        var lines = withLines
            ? reads.ReadAsync((connection, transaction) =>
                lineSearch.NearestAsync(connection, transaction, vector, filters, qualityScored, Math.Min(depth, options.Value.LineCandidates),
                    cancellationToken), cancellationToken)
            : Task.FromResult<IReadOnlyList<NearestLine>>([]);
        await Task.WhenAll(nearest, lines);
        return new SemanticMatches(await nearest, await lines);
    }
}
