using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>What search and similar tracks are narrowed to; null is "any".</summary>
public sealed record SearchFilters(string? Artist = null, int? YearFrom = null, int? YearTo = null, double? MinQuality = null,
    string? Language = null)
{
    public const double MinQualityScore = 1;
    public const double MaxQualityScore = 10;

    public bool Any => Artist is not null || YearFrom is not null || YearTo is not null || MinQuality is not null || Language is not null;

    /// <summary>The artist as the catalog identifies artists (<see cref="ArtistIdentity"/>).</summary>
    public string? ArtistKey => Artist is null ? null : ArtistIdentity.Key(Artist);

    /// <summary>Languages are compared without case ("EN" and "en" are one).</summary>
    public string? LanguageKey => Language?.Trim().ToLowerInvariant();

    public void Validate(Dictionary<string, string[]> errors)
    {
        if (StorableText.Check("artist", Artist, TrackLimits.MaxArtistLength) is { } artist)
        {
            errors["artist"] = [artist.Message];
        }
        if (YearFrom is { } from && YearTo is { } to && from > to)
        {
            errors["yearFrom"] = ["yearFrom must not be after yearTo."];
        }
        if (MinQuality is { } quality && (double.IsNaN(quality) || quality is < MinQualityScore or > MaxQualityScore))
        {
            errors["minQuality"] = [$"minQuality must be between {MinQualityScore} and {MaxQualityScore}."];
        }
        if (Language is not null && Language.Trim().Length == 0)
        {
            errors["language"] = [$"language must be 1 to {TrackLimits.MaxLanguageLength} characters."];
        }
        else if (StorableText.Check("language", Language, TrackLimits.MaxLanguageLength) is { } language)
        {
            errors["language"] = [language.Message];
        }
    }
}
