using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Full-text search over the tracks' stored, GIN-indexed search text. Candidates come in tiers
/// (<see cref="QueryText.Tiers"/>): the tracks holding all of the query's uncommon words (the last as a prefix; the
/// catalog's <see cref="FrequentWords"/> are not uncommon), then
/// all but one, and so on, until enough are found, so a half-remembered line with a word forgotten or misspelt still
/// finds its track while a query of frequent words does not rank every track that holds one of them. A tier ranks at
/// most <c>candidates</c> of its tracks (which ones of a larger tier is the index scan's order): ranking reads each
/// track's whole search text, and that bound keeps a query's cost from growing with the catalog. Tracks rank by the
/// terms they hold, plus one for holding all the words, one more for holding them as the phrase typed, plus cover
/// density (words close together score higher).
/// </summary>
public static class TextSearch
{
    public static async Task<IReadOnlyList<RankedTrack>> RankAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string query, IReadOnlySet<string> frequentWords, SearchFilters filters, bool qualityScored, int limit, int candidates,
        CancellationToken cancellationToken)
    {
        if (QueryText.AnyWord(query) is not { } anyWord)
        {
            return [];
        }
        var ranked = new List<RankedTrack>(limit);
        // A tier that fills the page ends the search: a looser tier's tracks would rank below all of its tracks.
        foreach (var tier in QueryText.Tiers(query, frequentWords).TakeWhile(_ => ranked.Count < limit))
        {
            ranked.AddRange(await RankTierAsync(connection, transaction, tier, anyWord, query, filters, qualityScored,
                ranked, limit - ranked.Count, Math.Max(candidates, limit), cancellationToken));
        }
        return ranked;
    }

    private static async Task<List<RankedTrack>> RankTierAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        TextTier tier, string anyWord, string query, SearchFilters filters, bool qualityScored, List<RankedTrack> above,
        int limit, int candidates, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        command.Parameters.AddWithValue("tier", tier.TsQuery);
        command.Parameters.AddWithValue("held", tier.Held);
        command.Parameters.AddWithValue("any_word", anyWord);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("above", above.Select(r => r.Id).ToArray());
        command.Parameters.AddWithValue("candidates", candidates);
        command.Parameters.AddWithValue("limit", limit);
        command.CommandText = $"""
            WITH q AS (SELECT to_tsquery('simple', @tier) AS tier, to_tsquery('simple', @any_word) AS any_word,
                              plainto_tsquery('simple', @q) AS all_words, phraseto_tsquery('simple', @q) AS phrase)
            SELECT c."Id",
                   (@held + ts_rank_cd(c."SearchText", q.any_word, 32)
                    + CASE WHEN c."SearchText" @@ q.all_words THEN 1 ELSE 0 END
                    + CASE WHEN c."SearchText" @@ q.phrase THEN 1 ELSE 0 END)::float8 AS rank
            FROM q, (SELECT t."Id", t."SearchText"
                     FROM q, catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId"
                     WHERE t."SearchText" @@ q.tier AND t."Id" <> ALL(@above){FilterSql.Where(filters, qualityScored, command.Parameters)}
                     LIMIT @candidates) c
            ORDER BY rank DESC, c."Id"
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
