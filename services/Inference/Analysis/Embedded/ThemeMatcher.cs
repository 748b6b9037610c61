using System.Numerics.Tensors;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// Themes and moods by embedding similarity: a descriptor's score is its highest cosine with any section of the song
/// (a theme may hold one verse only), and the best few above <see cref="MinimumSimilarity"/> are kept, best first,
/// ties by name. USE-Lite scores close texts near 0.7 and unrelated ones near 0.4.
/// </summary>
public static class ThemeMatcher
{
    public const double MinimumSimilarity = 0.3;

    public static IReadOnlyList<string> Best(IReadOnlyList<float[]> sections, IReadOnlyList<(string Name, float[] Vector)> descriptors, int take)
    {
        if (sections.Count == 0)
        {
            return [];
        }
        return
        [
            .. descriptors
                .Select(d => (d.Name, Score: sections.Max(s => (double)TensorPrimitives.CosineSimilarity(s, d.Vector))))
                .Where(d => d.Score >= MinimumSimilarity)
                .OrderByDescending(d => d.Score).ThenBy(d => d.Name, StringComparer.Ordinal)
                .Take(take)
                .Select(d => d.Name),
        ];
    }
}
