using RapAnalyzer.Catalog.Search;
using RapAnalyzer.ServiceDefaults.Http;
using static RapAnalyzer.ServiceDefaults.Http.QueryValues;

namespace RapAnalyzer.Catalog.Apis;

/// <summary>The query string of <c>GET /search</c> as sent (see <see cref="QueryValues"/>).</summary>
public sealed record SearchParameters(string? Q, string? Mode, string? Model, string? Artist, string? YearFrom, string? YearTo,
    string? MinQuality, string? Language, string? Page, string? PageSize)
{
    public SearchRequest ToRequest(Dictionary<string, string[]> errors)
    {
        var mode = SearchMode.Hybrid;
        if (!string.IsNullOrWhiteSpace(Mode))
        {
            if (SearchRequest.ParseMode(Mode) is { } parsed)
            {
                mode = parsed;
            }
            else
            {
                errors["mode"] = ["mode must be hybrid, semantic or text."];
            }
        }
        return new SearchRequest(Q ?? "", mode, Given(Model), Filters(Artist, YearFrom, YearTo, MinQuality, Language, errors),
            Number("page", Page, errors) ?? 1, Number("pageSize", PageSize, errors) ?? SearchRequest.DefaultPageSize);
    }

    public static SearchFilters Filters(string? artist, string? yearFrom, string? yearTo, string? minQuality, string? language,
        Dictionary<string, string[]> errors) =>
        new(Given(artist), Number("yearFrom", yearFrom, errors), Number("yearTo", yearTo, errors),
            Decimal("minQuality", minQuality, errors), Given(language));
}
