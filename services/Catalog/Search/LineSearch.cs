using Microsoft.Extensions.Options;
using Npgsql;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The tracks whose single lines are nearest a query, by the Hamming distance of the lines' vector signs to the
/// query's, each track by its best line: a half-remembered line is one line, and a track's pooled vector, or a
/// section's, is too far from it (the README's measurement of vector units). Only the embedded model's lines are
/// stored, so only a USE-Lite query has a line side. Filters as <see cref="SemanticSearch"/> applies them: an
/// iterative scan of the HNSW index, or an exact scan when the filter matches few tracks. Its list is ranked, not
/// complete under filters: the track side, fused with it, is.
/// </summary>
public sealed class LineSearch(IOptions<SearchOptions> options)
{
    public const string ModelId = EmbeddingModels.UseLite;

    private const int Bits = EmbeddingModels.UseLiteDimensions;

    /// <summary>Lines read for each track asked for: a track's best lines come in runs, a chorus's variants, a verse's neighbours.</summary>
    private const int LinesPerTrack = 4;

    /// <summary>The lines read to rank <paramref name="tracks"/> tracks by their best line.</summary>
    public static int LinesRead(int tracks) => tracks * LinesPerTrack;

    /// <summary>The index scan's candidate list for <paramref name="tracks"/> tracks: at least the lines read.</summary>
    public static int CandidateList(SearchOptions settings, int tracks) => HnswScanSettings.EfSearch(Math.Max(settings.LineEfSearch, LinesRead(tracks)));

    /// <summary>Whether <paramref name="modelId"/>'s queries have lines to be matched against.</summary>
    public static bool Covers(string modelId) => modelId == ModelId;

    public async Task<IReadOnlyList<NearestLine>> NearestAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, float[] vector,
        SearchFilters filters, bool qualityScored, int limit, CancellationToken cancellationToken)
    {
        if (vector.Length != Bits)
        {
            return [];
        }
        var settings = options.Value;
        var exact = filters.Any && await SemanticSearch.MatchingAtMostAsync(connection, transaction, filters, qualityScored, settings.ExactScanBelow,
            cancellationToken);
        return await RunAsync(connection, transaction, vector, filters, qualityScored, limit, exact ? null : settings, cancellationToken);
    }

    /// <summary>The exact nearest lines' tracks, a sequential scan: the ground truth the index is measured against.</summary>
    public static Task<IReadOnlyList<NearestLine>> ExactAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, float[] vector,
        SearchFilters filters, bool qualityScored, int limit, CancellationToken cancellationToken) =>
        RunAsync(connection, transaction, vector, filters, qualityScored, limit, null, cancellationToken);

    /// <param name="index">The index scan's settings, or null for an exact scan.</param>
    private static async Task<IReadOnlyList<NearestLine>> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, float[] vector,
        SearchFilters filters, bool qualityScored, int limit, SearchOptions? index, CancellationToken cancellationToken)
    {
        var lines = LinesRead(limit);
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (index is not null)
        {
            batch.BatchCommands.Add(HnswScanSettings.Command(CandidateList(index, limit), index.MaxScanTuples));
        }

        var nearest = new NpgsqlBatchCommand();
        nearest.Parameters.AddWithValue("signs", LineSigns.Bits(LyricsLineSigns.Of(vector)));
        nearest.Parameters.AddWithValue("lines", lines);
        var where = FilterSql.Where(filters, qualityScored, nearest.Parameters);
        // Only a filter needs the track and its artist. The signs cast to the indexed expression, the model a literal,
        // so the partial index applies; an exact scan orders by "distance + 0", which no index provides.
        var joins = where.Length == 0 ? "" : """
             JOIN catalog.tracks t ON t."Id" = l."TrackId"
                JOIN catalog.artists a ON a."Id" = t."ArtistId"
            """;
        const string distance = "(l.\"Signs\"::bit(512)) <~> (@signs::bit(512))";
        nearest.CommandText = $"""
            WITH nn AS MATERIALIZED (
                SELECT l."TrackId", l."Ordinal", l."Text", {distance} AS distance
                FROM catalog.line_signs l{joins}
                WHERE l."ModelId" = '{ModelId}'{where}
                ORDER BY {(index is null ? $"({distance}) + 0" : distance)}
                LIMIT @lines)
            SELECT DISTINCT ON ("TrackId") "TrackId", "Text", distance FROM nn ORDER BY "TrackId", distance, "Ordinal"
            """;
        batch.BatchCommands.Add(nearest);

        var best = new List<NearestLine>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (index is not null)
        {
            await reader.NextResultAsync(cancellationToken);
        }
        while (await reader.ReadAsync(cancellationToken))
        {
            best.Add(new NearestLine(reader.GetGuid(0), reader.GetString(1), 1 - reader.GetDouble(2) / Bits));
        }
        return [.. best.OrderByDescending(line => line.Score).ThenBy(line => line.TrackId).Take(limit)];
    }
}
