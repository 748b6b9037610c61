using System.Text.Json.Serialization;

namespace RapAnalyzer.Scraper.Import;

/// <summary>One row in the column layout of the public Genius lyrics dataset.</summary>
public sealed record DatasetRow(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumberConverter))] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("artist")] string? Artist,
    [property: JsonPropertyName("lyrics")] string? Lyrics,
    [property: JsonPropertyName("tag")] string? Tag = null,
    [property: JsonPropertyName("year")] int? Year = null,
    [property: JsonPropertyName("views")] long? Views = null,
    [property: JsonPropertyName("features")] string? Features = null,
    [property: JsonPropertyName("language")] string? Language = null)
{
    /// <summary>The first missing required field, or null when the row can be imported.</summary>
    public string? MissingField() =>
        string.IsNullOrWhiteSpace(Id) ? "id"
        : string.IsNullOrWhiteSpace(Title) ? "title"
        : string.IsNullOrWhiteSpace(Artist) ? "artist"
        : string.IsNullOrWhiteSpace(Lyrics) ? "lyrics"
        : null;
}
