namespace RapAnalyzer.Rhymes;

/// <summary>
/// Do two lines rhyme, and how far: the vowels their endings share, by the rules of Malmi's rhyme density
/// (<see cref="VowelSequence.MatchLength"/>) read across the two lines' words ("making money / faking funny" share
/// e i i V i, 5). What multisyllable rhymes count and the generator and style transfer keep.
/// </summary>
public static class LineRhyme
{
    /// <summary>Vowels shared at the ends of <paramref name="first"/> and the later <paramref name="second"/>; 0 when either has none.</summary>
    public static int Length(PhoneticLine first, PhoneticLine second)
    {
        return Pair(first, second) is { } sequence ? sequence.MatchLength(first.Words.Count - 1, sequence.Words - 1) : 0;
    }

    /// <summary>
    /// The syllables the shared vowels make, on the side that makes fewer: "cry / lie" share two vowels (a i) in one
    /// syllable, "making money / faking funny" five in four.
    /// </summary>
    public static int Syllables(PhoneticLine first, PhoneticLine second)
    {
        if (Pair(first, second) is not { } sequence)
        {
            return 0;
        }
        var length = sequence.MatchLength(first.Words.Count - 1, sequence.Words - 1);
        return length == 0 ? 0 : Math.Min(sequence.SyllablesOf(first.Words.Count - 1, length), sequence.SyllablesOf(sequence.Words - 1, length));
    }

    // The two lines' words as one sequence, the second's after the first's; none when either has no vowel.
    private static VowelSequence? Pair(PhoneticLine first, PhoneticLine second) =>
        first.Words.Count == 0 || second.Words.Count == 0 ? null : new VowelSequence([.. first.Words, .. second.Words]);

    /// <summary>The lines' last words end in the same vowels from their last stressed one on (money, funny: V i).</summary>
    public static bool EndsAlike(PhoneticLine first, PhoneticLine second) =>
        first.LastWord is { } a && second.LastWord is { } b && a.RhymeTail == b.RhymeTail;
}
