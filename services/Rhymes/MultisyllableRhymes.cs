namespace RapAnalyzer.Rhymes;

/// <summary>
/// Multi-syllable end rhymes in a section: pairs of lines within a window of <see cref="Window"/> consecutive lines
/// whose endings share vowels in at least <see cref="MinimumSyllables"/> syllables (<see cref="LineRhyme.Syllables"/>):
/// "making money / faking funny" is one, "I cry / you lie" (a diphthong, one syllable) is not.
/// </summary>
public static class MultisyllableRhymes
{
    public const int Window = 4;
    public const int MinimumSyllables = 2;

    public static int Count(IReadOnlyList<PhoneticLine> section)
    {
        var pairs = 0;
        for (var i = 0; i < section.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(section.Count, i + Window); j++)
            {
                if (LineRhyme.Syllables(section[i], section[j]) >= MinimumSyllables)
                {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
