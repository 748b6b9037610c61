using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Domain;

/// <summary>A page of the track list with its filters; <see cref="Validate"/> names each bad field.</summary>
public sealed record TrackListQuery(int Page = 1, int PageSize = TrackListQuery.DefaultPageSize, string? Artist = null,
    int? YearFrom = null, int? YearTo = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    /// <summary>The tracks before the page, counted in a long: page × pageSize overflows an int long before a page does.</summary>
    public long Offset => (Page - 1L) * PageSize;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }
        else if (Offset > int.MaxValue)
        {
            errors["page"] = [$"page {Page} of {PageSize} tracks would start after track {int.MaxValue}, more than the catalog can page through."];
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (StorableText.Check("artist", Artist, TrackLimits.MaxArtistLength) is { } artist)
        {
            errors["artist"] = [artist.Message];
        }
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            errors["yearFrom"] = ["yearFrom must not be after yearTo."];
        }
        return errors;
    }
}
