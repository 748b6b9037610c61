using RapAnalyzer.Catalog.Search;
using RapAnalyzer.ServiceDefaults.Http;
using static RapAnalyzer.ServiceDefaults.Http.QueryValues;

namespace RapAnalyzer.Catalog.Apis;

/// <summary>The query string of <c>GET /tracks/{id}/similar</c> as sent (see <see cref="QueryValues"/>).</summary>
public sealed record SimilarParameters(string? Limit, string? Model, string? Artist, string? YearFrom, string? YearTo,
    string? MinQuality, string? Language)
{
    public SimilarRequest ToRequest(Guid trackId, Dictionary<string, string[]> errors) =>
        new(trackId, Number("limit", Limit, errors) ?? SimilarRequest.DefaultLimit, Given(Model),
            SearchParameters.Filters(Artist, YearFrom, YearTo, MinQuality, Language, errors));
}
