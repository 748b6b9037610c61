namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// What the LLM is told of an artist's style, measured on their indexed lines: words a line, the words most their own
/// (frequent in their lines, rare in the corpus: TF-IDF), and a few of their lines as examples.
/// </summary>
public sealed record ArtistStyle(string Artist, double WordsPerLine, IReadOnlyList<string> SignatureWords, IReadOnlyList<string> ExampleLines)
{
    public const int SampledLines = 400;
    public const int Examples = 6;

    public static ArtistStyle Of(LineIndex index, string artist, Random random)
    {
        var lines = index.Sample(artist, SampledLines, random).Select(id => index.Line(id).Text).ToList();
        var counts = lines.SelectMany(Terms.Of).Where(term => term.Length > 2).CountBy(term => term);
        return new ArtistStyle(
            artist,
            lines.Count == 0 ? 0 : lines.Average(line => Terms.Of(line).Count()),
            [.. counts.OrderByDescending(pair => pair.Value * index.InverseDocumentFrequency(pair.Key)).ThenBy(pair => pair.Key, StringComparer.Ordinal)
                .Take(12).Select(pair => pair.Key)],
            [.. lines.Take(Examples)]);
    }
}
