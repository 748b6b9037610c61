namespace RapAnalyzer.Scraper.Import;

/// <summary>Where each dataset column sits in a CSV header.</summary>
public sealed class CsvColumns
{
    private static readonly string[] Required = ["id", "title", "artist", "lyrics"];
    private readonly IReadOnlyList<string> _names;
    private readonly Dictionary<string, int> _index;

    private CsvColumns(IReadOnlyList<string> names, Dictionary<string, int> index)
    {
        _names = names;
        _index = index;
    }

    public int Count => _names.Count;

    public string? Missing => Required.FirstOrDefault(c => !_index.ContainsKey(c));

    /// <summary>A column named twice (in any case): which of the two holds the field could only be guessed.</summary>
    public string? Repeated => _names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0)?.Key;

    public static CsvColumns From(IReadOnlyList<string> header)
    {
        var names = header.Select(name => name.Trim()).ToList();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            index.TryAdd(names[i], i);
        }
        return new CsvColumns(names, index);
    }

    public string Name(int index) => _names[index];

    /// <summary>The fields as they are, empty ones included: the row's mapping decides what is missing.</summary>
    public DatasetRow ToRow(IReadOnlyList<string> fields) => new(
        Field(fields, "id"),
        Field(fields, "title"),
        Field(fields, "artist"),
        Field(fields, "lyrics"),
        Tag: Field(fields, "tag"),
        Year: Field(fields, "year"),
        Views: Field(fields, "views"),
        Features: Field(fields, "features"),
        // The public dataset carries three language guesses; "language" is its combined one.
        Language: NonBlank(fields, "language") ?? NonBlank(fields, "language_cld3") ?? NonBlank(fields, "language_ft"));

    private string? Field(IReadOnlyList<string> fields, string column) => _index.TryGetValue(column, out var i) ? fields[i] : null;

    private string? NonBlank(IReadOnlyList<string> fields, string column) =>
        Field(fields, column) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
