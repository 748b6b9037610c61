namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// The ranker's training set, as DeepBeat's: for each question from a training verse, its true next line (label 1)
/// against random lines of other verses and lines that rhyme with the previous one (label 0): the latter are what
/// retrieval by rhyme hands the ranker at generation time, so it must learn more than "rhymes".
/// </summary>
public sealed class RankerTraining(LineIndex index, LinePhonetics phonetics)
{
    public const int RandomNegatives = 6;
    public const int RhymingNegatives = 4;

    /// <summary>The fewest questions a ranker is trained on; a smaller corpus has no ranker yet.</summary>
    public const int MinimumQueries = 50;

    public IReadOnlyList<RankingExample> Examples(int queries, int seed)
    {
        var random = new Random(seed);
        var examples = new List<RankingExample>();
        uint group = 0;
        foreach (var query in NextLineQuery.Draw(index, heldOut: false, queries, random))
        {
            var (prompt, lines) = query.Context(index);
            var context = NextLineContext.Of(prompt, lines, phonetics, index.InverseDocumentFrequency);
            var previous = index.Line(query.Verse[query.Position - 1]);
            bool Other(int id) => index.Line(id).Verse != query.VerseId;
            var negatives = index.Sample(null, RandomNegatives, random, Other)
                .Concat(index.Rhyming(previous.EndKey, null, RhymingNegatives, random, Other));
            group++;
            examples.Add(Example(1, query.TrueNext));
            examples.AddRange(negatives.Select(id => Example(0, id)));

            RankingExample Example(float label, int id) => new()
            {
                Label = label,
                Query = group,
                Features = NextLineFeatures.Of(context, index.Line(id).Text, phonetics, index.InverseDocumentFrequency),
            };
        }
        return examples;
    }
}
