namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// Multi-syllable end rhymes in a section: pairs of lines within a window of <see cref="Window"/> consecutive lines
/// whose endings share at least <see cref="MinimumVowels"/> trailing vowels (stress ignored). As in
/// <see cref="RhymeDensity"/>, words that sound the same are repetition, not rhyme: the last words must differ, and
/// the shared vowels stop at a pair of earlier words that sound the same. "Making money / taking honey" shares
/// EY IH AH IY; "I got the flame / I got the game" shares only EY, as "the" meets "the".
/// </summary>
public static class MultisyllableRhymes
{
    public const int Window = 4;
    public const int MinimumVowels = 2;

    public static int Count(IReadOnlyList<PronouncedLine> section)
    {
        var pairs = 0;
        for (var i = 0; i < section.Count; i++)
        {
            for (var j = i + 1; j < Math.Min(section.Count, i + Window); j++)
            {
                if (SharedTrailingVowels(section[i], section[j]) >= MinimumVowels)
                {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    public static int SharedTrailingVowels(PronouncedLine first, PronouncedLine second)
    {
        if (first.LastWord.SoundsLike(second.LastWord))
        {
            return 0;
        }
        var shared = 0;
        int w1 = first.Words.Count - 1, w2 = second.Words.Count - 1;
        int v1 = first.Words[w1].Vowels.Count - 1, v2 = second.Words[w2].Vowels.Count - 1;
        while (true)
        {
            // Step back to the previous vowel of each line, across words that have none left.
            while (v1 < 0 && --w1 >= 0)
            {
                v1 = first.Words[w1].Vowels.Count - 1;
            }
            while (v2 < 0 && --w2 >= 0)
            {
                v2 = second.Words[w2].Vowels.Count - 1;
            }
            if (w1 < 0 || w2 < 0 || first.Words[w1].Vowels[v1] != second.Words[w2].Vowels[v2])
            {
                return shared;
            }
            var inLastWords = w1 == first.Words.Count - 1 || w2 == second.Words.Count - 1;
            if (!inLastWords && first.Words[w1].SoundsLike(second.Words[w2]))
            {
                return shared;
            }
            shared++;
            v1--;
            v2--;
        }
    }
}
