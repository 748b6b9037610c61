using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Batches;

/// <summary>POST /batch: songs to analyze, each as lyrics or a stored track's id, with one analyzer for all.</summary>
public sealed record BatchRequest(IReadOnlyList<BatchItem?>? Items, string? Analyzer)
{
    public const string ItemsField = "items";

    /// <summary>What makes the whole batch unacceptable; a bad item does not: it is answered as failed, the others analyzed.</summary>
    public Dictionary<string, string[]> Problems(int maxItems)
    {
        var problems = new Dictionary<string, string[]>();
        if (Items is not { Count: > 0 })
        {
            problems[ItemsField] = [$"{ItemsField} must hold at least one song."];
        }
        else if (Items.Count > maxItems)
        {
            problems[ItemsField] = [$"{ItemsField} holds {Items.Count} songs; a batch takes at most {maxItems}."];
        }
        if (Analyzers.Problem(Analyzer) is { } analyzer)
        {
            problems[AnalyzeRequest.AnalyzerField] = [$"{AnalyzeRequest.AnalyzerField} {analyzer}."];
        }
        return problems;
    }

    public string AnalyzerOrAuto => Analyzer ?? Analyzers.Auto;
}

public sealed record BatchItem(string? Lyrics, string? TrackId)
{
    /// <summary>Why an item written as null (not an object) cannot be analyzed.</summary>
    public static string Missing(int index) => $"{BatchRequest.ItemsField}[{index}]: a song is an object with lyrics or trackId, not null.";

    /// <summary>Why this item cannot be analyzed, naming its field as <c>items[i].lyrics</c>; null when it can.</summary>
    public string? Problem(int index, int maxLyricsLength) =>
        new AnalyzeRequest(Lyrics, TrackId, null).Problems(maxLyricsLength).SingleOrDefault() is { Key: { } field, Value: [var message] }
            ? $"{BatchRequest.ItemsField}[{index}].{field}: {message}"
            : null;
}
