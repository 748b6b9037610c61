namespace RapAnalyzer.Enrichment.Features;

/// <summary>One lyric line as written (trimmed) and its words.</summary>
public sealed record LyricsLine(string Text, IReadOnlyList<string> Words);
