namespace RapAnalyzer.Enrichment.Features;

/// <summary>How a word sounds: its ARPAbet phonemes, and the parts rhymes and syllable counts are made of.</summary>
public sealed class Pronunciation
{
    public Pronunciation(IReadOnlyList<string> phonemes, PronunciationSource source)
    {
        Phonemes = phonemes;
        Source = source;
        Vowels = [.. phonemes.Where(Phoneme.IsVowel).Select(Phoneme.WithoutStress)];
        Sound = string.Join(' ', phonemes.Select(Phoneme.WithoutStress));
        RhymeTail = string.Join(' ', phonemes.Skip(LastStressedVowel(phonemes)).Select(Phoneme.WithoutStress));
    }

    public IReadOnlyList<string> Phonemes { get; }

    public PronunciationSource Source { get; }

    /// <summary>The vowel phonemes without stress: one per syllable.</summary>
    public IReadOnlyList<string> Vowels { get; }

    public int Syllables => Vowels.Count;

    /// <summary>The phonemes without stress, space-separated: two words that sound alike have the same sound.</summary>
    public string Sound { get; }

    /// <summary>
    /// The last stressed vowel and every phoneme after it, without stress ("money" M AH1 N IY0 gives "AH N IY"):
    /// two words rhyme when their tails are equal. A word with no stressed vowel ("the" DH AH0) uses its last vowel.
    /// </summary>
    public string RhymeTail { get; }

    public bool SoundsLike(Pronunciation other) => Sound == other.Sound;

    public override string ToString() => string.Join(' ', Phonemes);

    private static int LastStressedVowel(IReadOnlyList<string> phonemes)
    {
        var lastVowel = -1;
        for (var i = phonemes.Count - 1; i >= 0; i--)
        {
            if (Phoneme.Stress(phonemes[i]) > 0)
            {
                return i;
            }
            if (lastVowel < 0 && Phoneme.IsVowel(phonemes[i]))
            {
                lastVowel = i;
            }
        }
        return Math.Max(lastVowel, 0);
    }
}
