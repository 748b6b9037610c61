using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Full-text search over the tracks' stored, GIN-indexed search text. Candidates are the tracks holding any uncommon
/// query word (the last as a prefix), so a half-remembered line with a word forgotten or misspelt still finds its
/// track; they rank by cover density (words close together score higher), plus one for holding all the words and
/// one more for holding them as the phrase typed.
/// </summary>
public static class TextSearch
{
    public static async Task<IReadOnlyList<RankedTrack>> RankAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string query, SearchFilters filters, bool qualityScored, int limit, CancellationToken cancellationToken)
    {
        if (QueryText.AnyWord(query) is not { } anyWord)
        {
            return [];
        }
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("any_word", anyWord);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = $"""
            WITH q AS (SELECT to_tsquery('simple', @any_word) AS any_word, plainto_tsquery('simple', @q) AS all_words,
                              phraseto_tsquery('simple', @q) AS phrase)
            SELECT t."Id",
                   (ts_rank_cd(t."SearchText", q.any_word, 32)
                    + CASE WHEN t."SearchText" @@ q.all_words THEN 1 ELSE 0 END
                    + CASE WHEN t."SearchText" @@ q.phrase THEN 1 ELSE 0 END)::float8 AS rank
            FROM q, catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId"
            WHERE t."SearchText" @@ q.any_word{FilterSql.Where(filters, qualityScored, command.Parameters)}
            ORDER BY rank DESC, t."Id"
            LIMIT @limit
            """;
        var ranked = new List<RankedTrack>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ranked.Add(new RankedTrack(reader.GetGuid(0), reader.GetDouble(1)));
        }
        return ranked;
    }
}
