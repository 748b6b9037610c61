using System.Globalization;

namespace RapAnalyzer.Scraper.Import;

/// <summary>Where each dataset column sits in a CSV header.</summary>
public sealed class CsvColumns
{
    private static readonly string[] Required = ["id", "title", "artist", "lyrics"];
    private readonly Dictionary<string, int> _index;

    private CsvColumns(Dictionary<string, int> index, int count)
    {
        _index = index;
        Count = count;
    }

    public int Count { get; }

    public string? Missing => Required.FirstOrDefault(c => !_index.ContainsKey(c));

    public static CsvColumns From(IReadOnlyList<string> header)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }
        return new CsvColumns(index, header.Count);
    }

    public DatasetRow ToRow(IReadOnlyList<string> fields) => new(
        Field(fields, "id"),
        Field(fields, "title"),
        Field(fields, "artist"),
        Field(fields, "lyrics"),
        Tag: Field(fields, "tag"),
        Year: Number(Field(fields, "year")) is { } year ? (int)year : null,
        Views: Number(Field(fields, "views")),
        Features: Field(fields, "features"),
        // The public dataset carries three language guesses; "language" is its combined one.
        Language: Field(fields, "language") ?? Field(fields, "language_cld3") ?? Field(fields, "language_ft"));

    private string? Field(IReadOnlyList<string> fields, string column) =>
        _index.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i] : null;

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
