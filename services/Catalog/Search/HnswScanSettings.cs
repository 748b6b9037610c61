using System.Globalization;
using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The settings of an HNSW index scan that must come back with as many rows as it is asked for: a candidate list of
/// <c>ef_search</c>, and an iterative scan that goes on past it (in relaxed order) until the rows that pass the
/// filters are enough or <c>max_scan_tuples</c> are visited. Local to the transaction: a pooled connection carries no
/// setting into another request.
/// </summary>
public static class HnswScanSettings
{
    /// <summary>The candidate list pgvector is given for an asked <paramref name="efSearch"/>: it accepts 1 to 1,000.</summary>
    public static int EfSearch(int efSearch) => Math.Clamp(efSearch, 1, 1_000);

    public static NpgsqlBatchCommand Command(int efSearch, int maxScanTuples)
    {
        var settings = new NpgsqlBatchCommand("""
            SELECT set_config('hnsw.ef_search', @ef_search, true), set_config('hnsw.iterative_scan', 'relaxed_order', true),
                   set_config('hnsw.max_scan_tuples', @max_scan_tuples, true)
            """);
        settings.Parameters.AddWithValue("ef_search", EfSearch(efSearch).ToString(CultureInfo.InvariantCulture));
        settings.Parameters.AddWithValue("max_scan_tuples", maxScanTuples.ToString(CultureInfo.InvariantCulture));
        return settings;
    }
}
