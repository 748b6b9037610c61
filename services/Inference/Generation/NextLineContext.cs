using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// What a candidate next line is judged against: the prompt (a verse's first line, in training) and the lines so far,
/// the last two as the rhyme module hears them, and whether those two rhyme with each other: a line that closes a
/// couplet is followed by one that opens the next, which need not rhyme with it.
/// </summary>
public sealed class NextLineContext
{
    /// <summary>How many lines back semantic coherence reads.</summary>
    public const int CoherenceWindow = 4;

    private NextLineContext(TermVector prompt, TermVector recent, TermVector? previousTerms, PhoneticLine? previous, PhoneticLine? beforePrevious, string? previousText)
    {
        PreviousPairRhyme = previous is null || beforePrevious is null ? 0 : LineRhyme.Length(beforePrevious, previous);
        PreviousPairEndsAlike = previous is not null && beforePrevious is not null && LineRhyme.EndsAlike(beforePrevious, previous);
        Prompt = prompt;
        Recent = recent;
        PreviousTerms = previousTerms;
        Previous = previous;
        BeforePrevious = beforePrevious;
        PreviousText = previousText;
    }

    public TermVector Prompt { get; }
    public TermVector Recent { get; }
    public TermVector? PreviousTerms { get; }
    public PhoneticLine? Previous { get; }
    public PhoneticLine? BeforePrevious { get; }
    public string? PreviousText { get; }

    /// <summary>The vowels the previous line shares with the one before it (0 with fewer than two lines).</summary>
    public int PreviousPairRhyme { get; }

    /// <summary>The previous line ends in the same sound as the one before it.</summary>
    public bool PreviousPairEndsAlike { get; }

    public static NextLineContext Of(string prompt, IReadOnlyList<string> lines, LinePhonetics phonetics, Func<string, double> idf)
    {
        var recent = lines.Skip(Math.Max(0, lines.Count - CoherenceWindow)).Append(prompt);
        return new NextLineContext(
            TermVector.Of([prompt], idf),
            TermVector.Of(recent, idf),
            lines.Count > 0 ? TermVector.Of([lines[^1]], idf) : null,
            lines.Count > 0 ? phonetics.Line(lines[^1]) : null,
            lines.Count > 1 ? phonetics.Line(lines[^2]) : null,
            lines.Count > 0 ? lines[^1] : null);
    }
}
