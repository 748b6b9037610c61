namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Next-line prediction as Malmi et al. evaluate DeepBeat (KDD 2016, section 5.1): for questions from held-out verses,
/// the true next line is ranked among <see cref="OtherLines"/> random lines of other verses; the result is how often it
/// comes first and the mean reciprocal rank. A tie with another line counts against the true one.
/// </summary>
public static class NextLineEvaluation
{
    public const int OtherLines = 299;

    public static NextLineScore Run(LineIndex index, LinePhonetics phonetics, NextLineRanker ranker, int queries, int seed)
    {
        var random = new Random(seed);
        int asked = 0, first = 0;
        var reciprocalRanks = 0.0;
        foreach (var query in NextLineQuery.Draw(index, heldOut: true, queries, random))
        {
            var others = index.Sample(null, OtherLines, random, id => index.Line(id).Verse != query.VerseId);
            if (others.Count < OtherLines)
            {
                continue;
            }
            var (prompt, lines) = query.Context(index);
            var context = NextLineContext.Of(prompt, lines, phonetics, index.InverseDocumentFrequency);
            var scores = ranker.Score([.. others.Prepend(query.TrueNext)
                .Select(id => NextLineFeatures.Of(context, index.Line(id).Text, phonetics, index.InverseDocumentFrequency))]);
            var rank = 1 + scores.Skip(1).Count(score => score >= scores[0]);
            asked++;
            first += rank == 1 ? 1 : 0;
            reciprocalRanks += 1.0 / rank;
        }
        return new NextLineScore(asked, asked == 0 ? 0 : (double)first / asked, asked == 0 ? 0 : reciprocalRanks / asked, OtherLines + 1);
    }
}

/// <summary>Next-line prediction's result: top-1 rate and MRR over <see cref="Queries"/> questions of <see cref="Candidates"/> lines each.</summary>
public sealed record NextLineScore(int Queries, double TopOne, double MeanReciprocalRank, int Candidates)
{
    public double ChanceTopOne => 1.0 / Candidates;
}
