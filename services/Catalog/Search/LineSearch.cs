using Microsoft.Extensions.Options;
using Npgsql;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The tracks whose single lines are nearest a query, by the Hamming distance of the lines' vector signs to the
/// query's, each track by its best line: a half-remembered line is one line, and a track's pooled vector, or a
/// section's, is too far from it (the README's measurement of vector units). Only the embedded model's lines are
/// stored, so only a USE-Lite query has a line side. The lines are scanned exactly in memory
/// (<see cref="LineSignsInMemory"/>); a filter matching few tracks (<see cref="SearchOptions.ExactScanBelow"/>) is
/// scanned in Postgres over those tracks' lines, and so is every query while the lines are still being loaded.
/// </summary>
public sealed class LineSearch(LineSignsInMemory memory, IOptions<SearchOptions> options)
{
    public const string ModelId = EmbeddingModels.UseLite;

    public const int Bits = EmbeddingModels.UseLiteDimensions;

    /// <summary>Lines Postgres's scan reads for each track asked for: a track's best lines come in runs, a chorus's variants, a verse's neighbours.</summary>
    private const int LinesPerTrack = 4;

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
        if (!memory.Loaded || (filters.Any && await SemanticSearch.MatchingAtMostAsync(connection, transaction, filters, qualityScored,
                settings.ExactScanBelow, cancellationToken)))
        {
            return await ExactAsync(connection, transaction, vector, filters, qualityScored, limit, cancellationToken);
        }

        using var scan = memory.Scan(LineSignsInMemory.WordsOf(LineSigns.Bits(LyricsLineSigns.Of(vector))));
        // More than ExactScanBelow tracks pass the filter, so at least that share of the nearest tracks is expected to.
        var tracks = Math.Max(1, memory.Tracks);
        var wanted = filters.Any ? limit * Math.Max(2, 2 * (int)Math.Ceiling(tracks / (double)Math.Max(1, settings.ExactScanBelow))) : limit;
        while (true)
        {
            var nearest = scan.Nearest(Math.Min(wanted, tracks));
            var found = await LinesOfAsync(connection, transaction, nearest, filters, qualityScored, cancellationToken);
            if (found.Count >= limit || nearest.Count < Math.Min(wanted, tracks) || wanted >= tracks)
            {
                return [.. found.Take(limit)];
            }
            wanted *= 4;
        }
    }

    /// <summary>The exact nearest lines' tracks, a sequential scan in Postgres: the ground truth the scan in memory is measured against.</summary>
    public static async Task<IReadOnlyList<NearestLine>> ExactAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, float[] vector,
        SearchFilters filters, bool qualityScored, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("signs", LineSigns.Bits(LyricsLineSigns.Of(vector)));
        command.Parameters.AddWithValue("lines", limit * LinesPerTrack);
        var where = FilterSql.Where(filters, qualityScored, command.Parameters);
        // Only a filter needs the track and its artist.
        var joins = where.Length == 0 ? "" : """
             JOIN catalog.tracks t ON t."Id" = l."TrackId"
                JOIN catalog.artists a ON a."Id" = t."ArtistId"
            """;
        command.CommandText = $"""
            WITH nn AS MATERIALIZED (
                SELECT l."TrackId", l."Ordinal", l."Text", (l."Signs"::bit(512)) <~> (@signs::bit(512)) AS distance
                FROM catalog.line_signs l{joins}
                WHERE l."ModelId" = '{ModelId}'{where}
                ORDER BY distance
                LIMIT @lines)
            SELECT DISTINCT ON ("TrackId") "TrackId", "Text", distance FROM nn ORDER BY "TrackId", distance, "Ordinal"
            """;
        var best = new List<NearestLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            best.Add(new NearestLine(reader.GetGuid(0), reader.GetString(1), 1 - reader.GetDouble(2) / Bits));
        }
        return [.. best.OrderByDescending(line => line.Score).ThenBy(line => line.TrackId).Take(limit)];
    }

    /// <summary>
    /// The lines found in memory with their text, in their order, those of tracks the filters pass: one read by key.
    /// A line gone from the database since (its track revised) is left out.
    /// </summary>
    private static async Task<IReadOnlyList<NearestLine>> LinesOfAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<NearestSign> nearest, SearchFilters filters, bool qualityScored, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("tracks", nearest.Select(n => n.TrackId).ToArray());
        command.Parameters.AddWithValue("ordinals", nearest.Select(n => n.Ordinal).ToArray());
        var where = FilterSql.Where(filters, qualityScored, command.Parameters);
        var joins = where.Length == 0 ? "" : """
             JOIN catalog.tracks t ON t."Id" = w.track
                JOIN catalog.artists a ON a."Id" = t."ArtistId"
            """;
        command.CommandText = $"""
            SELECT w.rank, l."Text"
            FROM unnest(@tracks, @ordinals) WITH ORDINALITY AS w(track, ordinal, rank)
            JOIN catalog.line_signs l ON l."TrackId" = w.track AND l."ModelId" = '{ModelId}' AND l."Ordinal" = w.ordinal{joins}
            WHERE true{where}
            ORDER BY w.rank
            """;
        var found = new List<NearestLine>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sign = nearest[(int)reader.GetInt64(0) - 1];
            found.Add(new NearestLine(sign.TrackId, reader.GetString(1), 1 - (double)sign.Distance / Bits));
        }
        return found;
    }
}
