using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// The rule-based 1–10 complexity and quality of a song from its measured features: the baseline the quality model
/// is measured against. Each feature is scaled to 0..1 between the bounds below (the range where rap lyrics fall),
/// the weighted sum is mapped to 1..10 and rounded.
/// <list type="bullet">
/// <item>complexity: rhyme density (0.2–1.4) 0.35, type-token ratio (0.25–0.65) 0.25, multisyllable rhymes per
/// line (0–0.6) 0.20, syllables per line (6–16) 0.20;</item>
/// <item>quality: rhyme density 0.30, type-token ratio 0.20, multisyllable rhymes per line 0.15, steadiness of the
/// lines' syllable counts (coefficient of variation 0.6–0.1) 0.15, length in lines (8–60) 0.10, structure in sections
/// (1–5) 0.10.</item>
/// </list>
/// </summary>
public static class FeatureScores
{
    public static int Complexity(TrackFeatures f) => ToScale(
        0.35 * Scale(f.RhymeDensity, 0.2, 1.4)
        + 0.25 * Scale(f.TypeTokenRatio, 0.25, 0.65)
        + 0.20 * Scale(MultisyllablePerLine(f), 0, 0.6)
        + 0.20 * Scale(f.SyllablesPerLine, 6, 16));

    public static int Quality(TrackFeatures f) => ToScale(
        0.30 * Scale(f.RhymeDensity, 0.2, 1.4)
        + 0.20 * Scale(f.TypeTokenRatio, 0.25, 0.65)
        + 0.15 * Scale(MultisyllablePerLine(f), 0, 0.6)
        + 0.15 * Scale(SyllableVariation(f), 0.6, 0.1)
        + 0.10 * Scale(f.Lines, 8, 60)
        + 0.10 * Scale(f.Sections, 1, 5));

    public static double MultisyllablePerLine(TrackFeatures f) => f.Lines == 0 ? 0 : f.MultisyllableRhymes / (double)f.Lines;

    /// <summary>The standard deviation of the syllables per line over their mean.</summary>
    public static double SyllableVariation(TrackFeatures f) =>
        f.SyllablesPerLine <= 0 ? 0 : Math.Sqrt(Math.Max(0, f.SyllablesPerLineVariance)) / f.SyllablesPerLine;

    // from may be above to: then lower values score higher.
    private static double Scale(double value, double from, double to) => Math.Clamp((value - from) / (to - from), 0, 1);

    private static int ToScale(double unit) => (int)Math.Round(1 + 9 * unit, MidpointRounding.AwayFromZero);
}
