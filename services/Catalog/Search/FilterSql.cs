using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The filters as SQL over <c>catalog.tracks t</c> joined to <c>catalog.artists a</c>: only the filters given, so the
/// planner estimates each one, with every value a parameter.
/// </summary>
public static class FilterSql
{
    public static string Where(SearchFilters filters, bool qualityScored, NpgsqlParameterCollection parameters)
    {
        var conditions = new List<string>();
        if (filters.ArtistKey is { } artist)
        {
            conditions.Add("""a."NormalizedName" = @artist""");
            parameters.AddWithValue("artist", artist);
        }
        if (filters.YearFrom is { } from)
        {
            conditions.Add("""t."Year" >= @year_from""");
            parameters.AddWithValue("year_from", from);
        }
        if (filters.YearTo is { } to)
        {
            conditions.Add("""t."Year" <= @year_to""");
            parameters.AddWithValue("year_to", to);
        }
        if (filters.LanguageKey is { } language)
        {
            conditions.Add("""lower(t."Language") = @language""");
            parameters.AddWithValue("language", language);
        }
        if (filters.MinQuality is { } quality && qualityScored)
        {
            // A track's score is its latest one, as the track's details show it.
            conditions.Add("""
                (SELECT q."Score" FROM catalog.quality_scores q WHERE q."TrackId" = t."Id" ORDER BY q."ScoredAt" DESC LIMIT 1) >= @min_quality
                """);
            parameters.AddWithValue("min_quality", quality);
        }
        return conditions.Count == 0 ? "" : " AND " + string.Join(" AND ", conditions);
    }
}
