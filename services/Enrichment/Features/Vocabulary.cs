namespace RapAnalyzer.Enrichment.Features;

/// <summary>Vocabulary measures over words as <see cref="WordTokenizer"/> gives them (lowercase).</summary>
public static class Vocabulary
{
    /// <summary>Daniels (2014) compares rappers by the unique words in each one's first 35,000 lyric words.</summary>
    public const int DanielsSampleSize = 35_000;

    public static int UniqueWords(IEnumerable<string> words) => words.Distinct(StringComparer.Ordinal).Count();

    /// <summary>Unique words over words; 0 for no words.</summary>
    public static double TypeTokenRatio(int words, int uniqueWords) => words == 0 ? 0 : (double)uniqueWords / words;

    /// <summary>
    /// Unique words among the first <paramref name="n"/> words of the stream, which is read no further. A stream
    /// shorter than n gives the unique words of all of it: the caller knows whether its artist reached n words.
    /// </summary>
    public static int UniqueWordsInFirst(IEnumerable<string> words, int n = DanielsSampleSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Take(n))
        {
            seen.Add(word);
        }
        return seen.Count;
    }
}
