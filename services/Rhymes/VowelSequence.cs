namespace RapAnalyzer.Rhymes;

/// <summary>
/// Words in order as one sequence of vowels, and Malmi's measure of how far two words rhyme: the number of vowels
/// that match going back from each word's last vowel (lyrics.py, rhyme_length_fixed). Two words with the same
/// <see cref="PhoneticWord.Key"/> are a repetition, no rhyme (0); the match stops at a pair of vowels that both lie in
/// earlier words whose whole tokens are equal ("I got money / I got honey" stops at "got"); the earlier side may run
/// back to the sequence's first vowel, the later one stops before it reaches the earlier word's last vowel.
/// </summary>
public sealed class VowelSequence
{
    private readonly IReadOnlyList<PhoneticWord> words;
    private readonly List<char> vowels = [];
    private readonly List<int> wordOfVowel = [];
    private readonly List<bool> syllableStarts = [];
    private readonly int[] lastVowel;

    public VowelSequence(IReadOnlyList<PhoneticWord> words)
    {
        this.words = words;
        lastVowel = new int[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            vowels.AddRange(words[w].Vowels);
            syllableStarts.AddRange(words[w].SyllableStarts);
            wordOfVowel.AddRange(Enumerable.Repeat(w, words[w].Vowels.Count));
            lastVowel[w] = vowels.Count - 1;
        }
    }

    public int Words => words.Count;

    /// <summary>How many vowels the word <paramref name="earlier"/> and the later word <paramref name="later"/> match on.</summary>
    public int MatchLength(int earlier, int later)
    {
        if (words[earlier].Key == words[later].Key)
        {
            return 0;
        }
        int p1 = lastVowel[earlier], p2 = lastVowel[later], length = 0;
        while (vowels[p1 - length] == vowels[p2 - length])
        {
            var bothInEarlierWords = earlier > 0 && p1 - length <= lastVowel[earlier - 1] && p2 - length <= lastVowel[later - 1];
            if (bothInEarlierWords && words[wordOfVowel[p1 - length]].Token == words[wordOfVowel[p2 - length]].Token)
            {
                break;
            }
            length++;
            if (p1 - length < 0 || p2 - length <= p1)
            {
                break;
            }
        }
        return length;
    }

    /// <summary>The syllables the last <paramref name="vowels"/> vowels of <paramref name="word"/> and the words before it make.</summary>
    public int SyllablesOf(int word, int vowels)
    {
        var end = lastVowel[word];
        var syllables = 0;
        for (var v = end; v > end - vowels; v--)
        {
            syllables += syllableStarts[v] ? 1 : 0;
        }
        // A match that starts inside a diphthong still sounds in that syllable.
        return vowels > 0 && !syllableStarts[end - vowels + 1] ? syllables + 1 : syllables;
    }
}
