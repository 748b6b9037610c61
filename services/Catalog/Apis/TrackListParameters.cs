using RapAnalyzer.Catalog.Domain;
using static RapAnalyzer.ServiceDefaults.Http.QueryValues;

namespace RapAnalyzer.Catalog.Apis;

/// <summary>
/// The query string of <c>GET /tracks</c> as sent. Each parameter is read as text so that an empty one, as the
/// README's template <c>?artist=&amp;yearFrom=</c> leaves them, means "not given" rather than a number that did not parse.
/// </summary>
public sealed record TrackListParameters(string? Page, string? PageSize, string? Artist, string? YearFrom, string? YearTo)
{
    /// <summary>The query, and a problem naming each parameter that is not a number where one is wanted.</summary>
    public TrackListQuery ToQuery(Dictionary<string, string[]> errors) => new(
        Number("page", Page, errors) ?? 1,
        Number("pageSize", PageSize, errors) ?? TrackListQuery.DefaultPageSize,
        Given(Artist),
        Number("yearFrom", YearFrom, errors),
        Number("yearTo", YearTo, errors));
}
