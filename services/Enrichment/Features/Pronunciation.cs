namespace RapAnalyzer.Enrichment.Features;

/// <summary>How a word sounds in ARPAbet phonemes, for its syllable count (rhymes are heard in eSpeak's transcription).</summary>
public sealed class Pronunciation(IReadOnlyList<string> phonemes, PronunciationSource source)
{
    public IReadOnlyList<string> Phonemes { get; } = phonemes;

    public PronunciationSource Source { get; } = source;

    /// <summary>The vowel phonemes without stress: one per syllable.</summary>
    public IReadOnlyList<string> Vowels { get; } = [.. phonemes.Where(Phoneme.IsVowel).Select(Phoneme.WithoutStress)];

    public int Syllables => Vowels.Count;

    public override string ToString() => string.Join(' ', Phonemes);
}
