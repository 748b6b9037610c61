using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>One search as asked; <see cref="Validate"/> names each bad field.</summary>
public sealed record SearchRequest(string Query, SearchMode Mode = SearchMode.Hybrid, string? Model = null,
    SearchFilters? Filters = null, int Page = 1, int PageSize = SearchRequest.DefaultPageSize)
{
    public const int MaxQueryLength = 1_000;
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public SearchFilters Filter => Filters ?? new SearchFilters();

    public int Offset => (Page - 1) * PageSize;

    /// <param name="deepest">The deepest hit a page may reach: ranked search has no cursor, each page is a slice of one ranked list.</param>
    public Dictionary<string, string[]> Validate(int deepest)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Query))
        {
            errors["q"] = ["q is missing: search for 1 to 1000 characters."];
        }
        // A pasted verse keeps its line breaks; a NUL or another control character is refused, as Postgres would refuse it.
        else if (StorableText.Check("q", Query, MaxQueryLength, multiline: true) is { } query)
        {
            errors["q"] = [query.Message];
        }
        if (Model is not null && (Model.Length == 0 || Model.Length > Contracts.EmbeddingModels.MaxIdLength))
        {
            errors["model"] = [$"model must be 1 to {Contracts.EmbeddingModels.MaxIdLength} characters."];
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (Page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }
        else if (!errors.ContainsKey("pageSize") && (long)Page * PageSize > deepest)
        {
            errors["page"] = [$"page {Page} of {PageSize} hits goes past hit {deepest}, the deepest search ranks."];
        }
        Filter.Validate(errors);
        return errors;
    }

    /// <summary>The mode named by <paramref name="value"/> (any case), or null when it names none.</summary>
    public static SearchMode? ParseMode(string value) =>
        Enum.TryParse<SearchMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !value.Any(char.IsDigit) ? mode : null;
}
