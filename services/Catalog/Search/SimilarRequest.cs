namespace RapAnalyzer.Catalog.Search;

/// <summary>The tracks nearest one track, as asked; <see cref="Validate"/> names each bad field.</summary>
public sealed record SimilarRequest(Guid TrackId, int Limit = SimilarRequest.DefaultLimit, string? Model = null, SearchFilters? Filters = null)
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    public SearchFilters Filter => Filters ?? new SearchFilters();

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }
        if (Model is not null && (Model.Length == 0 || Model.Length > Contracts.EmbeddingModels.MaxIdLength))
        {
            errors["model"] = [$"model must be 1 to {Contracts.EmbeddingModels.MaxIdLength} characters."];
        }
        Filter.Validate(errors);
        return errors;
    }
}
