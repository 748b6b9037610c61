namespace RapAnalyzer.Enrichment.Features;

/// <summary>A lyric line with each word's pronunciation.</summary>
public sealed record PronouncedLine(LyricsLine Line, IReadOnlyList<Pronunciation> Words)
{
    public int Syllables { get; } = Words.Sum(word => word.Syllables);
}
