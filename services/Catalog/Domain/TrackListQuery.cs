namespace RapAnalyzer.Catalog.Domain;

/// <summary>A page of the track list with its filters; <see cref="Validate"/> names each bad field.</summary>
public sealed record TrackListQuery(int Page = 1, int PageSize = 20, string? Artist = null, int? YearFrom = null, int? YearTo = null)
{
    public const int MaxPageSize = 200;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            errors["yearFrom"] = ["yearFrom must not be after yearTo."];
        }
        return errors;
    }
}
