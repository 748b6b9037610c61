namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// A next-line question from the corpus: the lines of a verse up to <see cref="Position"/>, whose true answer is the
/// line there. Every tenth verse is held out of training, for evaluation.
/// </summary>
public sealed record NextLineQuery(IReadOnlyList<int> Verse, int VerseId, int Position)
{
    public const int HeldOutEvery = 10;

    public int TrueNext => Verse[Position];

    public static bool IsHeldOut(int verse) => verse % HeldOutEvery == 0;

    /// <summary>The context as texts: the verse's first line as the prompt, and the lines before the answer.</summary>
    public (string Prompt, IReadOnlyList<string> Lines) Context(LineIndex index) =>
        (index.Line(Verse[0]).Text, [.. Verse.Take(Position).Select(id => index.Line(id).Text)]);

    /// <summary>Up to <paramref name="count"/> questions from held-out verses or from the others, drawn with <paramref name="random"/>.</summary>
    public static IReadOnlyList<NextLineQuery> Draw(LineIndex index, bool heldOut, int count, Random random)
    {
        var queries = new List<NextLineQuery>(count);
        var verses = index.Verses;
        for (var attempt = 0; attempt < count * 20 && queries.Count < count && verses > 0; attempt++)
        {
            var verse = random.Next(verses);
            if (IsHeldOut(verse) != heldOut)
            {
                continue;
            }
            var lines = index.VerseLines(verse);
            if (lines.Count >= 2)
            {
                queries.Add(new NextLineQuery(lines, verse, random.Next(1, lines.Count)));
            }
        }
        return queries;
    }
}
