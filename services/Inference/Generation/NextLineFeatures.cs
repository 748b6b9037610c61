using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// DeepBeat's features of a candidate next line (Malmi et al., KDD 2016, section 4.2), the ranker's inputs: rhyme with
/// the previous line and the one before it (shared end vowels and syllables by <see cref="LineRhyme"/>, same end
/// sound), TF-IDF similarity with the previous line, the recent lines and the prompt, and line length against the
/// previous line's; and, the same for every candidate, whether the previous two lines rhyme with each other, which
/// lets the trees weigh rhyme against topic differently where a couplet has just closed.
/// </summary>
public static class NextLineFeatures
{
    public const int Count = 13;

    public static float[] Of(NextLineContext context, string candidate, LinePhonetics phonetics, Func<string, double> idf)
    {
        var line = phonetics.Line(candidate);
        var terms = TermVector.Of([candidate], idf);
        var previous = context.Previous;
        var before = context.BeforePrevious;
        var words = Terms.Of(candidate).Count();
        var previousLength = context.PreviousText?.Length ?? 0;
        return
        [
            previous is null ? 0 : LineRhyme.Length(previous, line),
            previous is null ? 0 : LineRhyme.Syllables(previous, line),
            previous is not null && LineRhyme.EndsAlike(previous, line) ? 1 : 0,
            before is null ? 0 : LineRhyme.Length(before, line),
            before is not null && LineRhyme.EndsAlike(before, line) ? 1 : 0,
            (float)(context.PreviousTerms?.Cosine(terms) ?? 0),
            (float)context.Recent.Cosine(terms),
            (float)context.Prompt.Cosine(terms),
            words,
            previousLength == 0 ? 0 : (float)Math.Abs(candidate.Length - previousLength) / Math.Max(candidate.Length, previousLength),
            context.PreviousText is { } text && LinePhonetics.LastWord(text) == LinePhonetics.LastWord(candidate) ? 1 : 0,
            context.PreviousPairRhyme,
            context.PreviousPairEndsAlike ? 1 : 0,
        ];
    }
}
