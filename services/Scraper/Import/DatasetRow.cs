using System.Text.Json.Serialization;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// One row in the column layout of the public Genius lyrics dataset, as the file has it. Numbers are kept as their text,
/// whether JSON wrote them as numbers or strings, so a CSV and a JSONL row meet the same rules when they are read.
/// </summary>
public sealed record DatasetRow(
    [property: JsonPropertyName("id"), JsonConverter(typeof(StringOrNumberConverter))] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("artist")] string? Artist,
    [property: JsonPropertyName("lyrics")] string? Lyrics,
    [property: JsonPropertyName("tag")] string? Tag = null,
    [property: JsonPropertyName("year"), JsonConverter(typeof(StringOrNumberConverter))] string? Year = null,
    [property: JsonPropertyName("views"), JsonConverter(typeof(StringOrNumberConverter))] string? Views = null,
    [property: JsonPropertyName("features")] string? Features = null,
    [property: JsonPropertyName("language")] string? Language = null);
