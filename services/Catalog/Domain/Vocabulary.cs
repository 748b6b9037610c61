namespace RapAnalyzer.Catalog.Domain;

/// <summary>
/// Daniels' (2014) vocabulary figure: the number of unique words among an artist's first 35,000 lyric words,
/// so artists with long and short careers are compared on the same amount of text. As Daniels did, a word is counted
/// without its apostrophes: "pimpin'" is "pimpin", "don't" is "dont".
/// </summary>
public static class Vocabulary
{
    public const int DanielsWordCount = 35_000;

    public static VocabularyFigure UniqueWordsInFirst(IEnumerable<string> words, int count = DanielsWordCount)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        var counted = 0;
        foreach (var word in words)
        {
            if (counted == count)
            {
                break;
            }
            unique.Add(word.Replace("'", "", StringComparison.Ordinal));
            counted++;
        }
        return new VocabularyFigure(unique.Count, counted, counted == count);
    }
}

/// <summary>Unique words among the first <see cref="WordsCounted"/> words; <see cref="IsComplete"/> when the artist had enough words.</summary>
public sealed record VocabularyFigure(int UniqueWords, int WordsCounted, bool IsComplete);
