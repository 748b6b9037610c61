using System.Globalization;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Apis;

/// <summary>
/// The query string of <c>GET /search</c> as sent, each parameter read as text so that an empty one means "not
/// given" and one that does not parse gets a problem naming it.
/// </summary>
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
        var filters = new SearchFilters(Given(Artist), Number("yearFrom", YearFrom, errors), Number("yearTo", YearTo, errors),
            Decimal("minQuality", MinQuality, errors), Given(Language));
        return new SearchRequest(Q ?? "", mode, Given(Model), filters,
            Number("page", Page, errors) ?? 1, Number("pageSize", PageSize, errors) ?? SearchRequest.DefaultPageSize);
    }

    private static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static int? Number(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors[name] = [$"{name} must be a whole number from {int.MinValue} to {int.MaxValue}."];
        return null;
    }

    private static double? Decimal(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        errors[name] = [$"{name} must be a number."];
        return null;
    }
}
