using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>POST /analyze: lyrics, or the id of a stored track, and the analyzer to ask (auto when left out).</summary>
public sealed record AnalyzeRequest(string? Lyrics, string? TrackId, string? Analyzer)
{
    public const string LyricsField = "lyrics";
    public const string TrackIdField = "trackId";
    public const string AnalyzerField = "analyzer";

    /// <summary>What is wrong with the request, each problem under its field; empty when it can be answered.</summary>
    public Dictionary<string, string[]> Problems(int maxLyricsLength)
    {
        var problems = new Dictionary<string, string[]>();
        if (Analyzers.Problem(Analyzer) is { } analyzer)
        {
            problems[AnalyzerField] = [$"{AnalyzerField} {analyzer}."];
        }
        if (TrackId is not null && Lyrics is not null)
        {
            problems[LyricsField] = [$"Send {LyricsField} or {TrackIdField}, not both."];
        }
        else if (TrackId is not null)
        {
            if (!Guid.TryParse(TrackId, out _))
            {
                problems[TrackIdField] = [$"{TrackIdField} must be a track id (a GUID)."];
            }
        }
        else if (LyricsProblem(Lyrics, maxLyricsLength) is { } lyrics)
        {
            problems[LyricsField] = [lyrics];
        }
        return problems;
    }

    public static string? LyricsProblem(string? lyrics, int maxLength) =>
        StorableText.Check(LyricsField, lyrics, maxLength, required: true, multiline: true)?.Message;

    public string AnalyzerOrAuto => Analyzer ?? Analyzers.Auto;
}
