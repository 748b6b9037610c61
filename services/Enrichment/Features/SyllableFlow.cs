namespace RapAnalyzer.Enrichment.Features;

/// <summary>Flow as syllables per line: the mean, and the population variance (how much line lengths swing).</summary>
public readonly record struct SyllableFlow(double Mean, double Variance)
{
    public static SyllableFlow Of(IReadOnlyCollection<int> syllablesPerLine)
    {
        if (syllablesPerLine.Count == 0)
        {
            return default;
        }
        var mean = syllablesPerLine.Average();
        var variance = syllablesPerLine.Sum(count => (count - mean) * (count - mean)) / syllablesPerLine.Count;
        return new SyllableFlow(mean, variance);
    }
}
