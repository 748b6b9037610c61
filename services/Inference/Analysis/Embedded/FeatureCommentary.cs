using System.Globalization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>The embedded analyzer's flow and rhyme commentary and its summary: sentences made from the measured features.</summary>
public static class FeatureCommentary
{
    public static string Flow(TrackFeatures f)
    {
        var variation = FeatureScores.SyllableVariation(f);
        var pace = f.SyllablesPerLine switch { < 8 => "short, sparse", < 12 => "mid-length", < 16 => "dense", _ => "very dense, rapid" };
        var steadiness = variation switch { < 0.2 => "a very steady cadence", < 0.35 => "a fairly steady cadence", < 0.5 => "a varied cadence", _ => "an irregular cadence" };
        var syllables = Invariant($"{f.SyllablesPerLine:0.#}");
        return Invariant($"Lines average {syllables} syllable{(syllables == "1" ? "" : "s")} ({pace} lines) with a spread of {variation:0%} around that, {steadiness}, over {Count(f.Lines, "line")} in {Count(f.Sections, "section")}.");
    }

    public static string Rhyme(TrackFeatures f)
    {
        var density = f.RhymeDensity switch { < 0.5 => "light", < 0.9 => "moderate", < 1.2 => "heavy", _ => "very heavy" };
        var scheme = f.EndRhymeScheme.Length == 0 ? "" : Invariant($" The end-rhyme scheme opens {Opening(f.EndRhymeScheme)}.");
        return Invariant($"Rhyme density is {f.RhymeDensity:0.00} (Malmi's measure), {density} rhyming, with {Count(f.MultisyllableRhymes, "multisyllable rhyme")} ({FeatureScores.MultisyllablePerLine(f):0.00} a line).{scheme}");
    }

    public static string Summary(SentimentResult sentiment, IReadOnlyList<string> themes, IReadOnlyList<string> moods, TrackFeatures? f,
        int? complexity, int? quality, ExplicitContent explicitContent)
    {
        var about = themes.Count == 0 ? "" : $" about {Join(themes)}";
        var mood = moods.Count == 0 ? "" : $", {Join(moods)} in mood";
        var measured = f is null
            ? " Its text features were not measured."
            : Invariant($" It has {Count(f.Lines, "line")} and {Count(f.Words, "word")}, {f.UniqueWords} of them distinct (type-token ratio {f.TypeTokenRatio:0.00}), rhyme density {f.RhymeDensity:0.00}; complexity {complexity}/10 and quality {quality}/10 by the rule-based weights.");
        var content = explicitContent.IsExplicit ? " It contains explicit language." : " It contains no explicit language.";
        return Invariant($"A {sentiment.Label} song (sentiment {sentiment.Score:0.00}){about}{mood}.{measured}{content}");
    }

    private static string Count(int count, string noun) => Invariant($"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Opening(string scheme) => scheme.Length <= 8 ? scheme : scheme[..8] + "…";

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
