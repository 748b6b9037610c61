using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>
/// A line's end rhyme as the CMU Pronouncing Dictionary has it, independent of the eSpeak phonetics the generator
/// uses: the vowels (stress left out) of its last word from the last stressed one on ("money" M AH1 N IY0: AH IY).
/// </summary>
internal static class CmuRhyme
{
    private static readonly Lazy<PronouncingDictionary> Dictionary = new(() =>
    {
        var path = EnrichmentOptions.DefaultCmuDictionaryPath();
        return File.Exists(path)
            ? PronouncingDictionary.Load(path)
            : throw new FileNotFoundException($"No CMU Pronouncing Dictionary at {path}: run eng/setup.sh.", path);
    });

    public static string Of(string line)
    {
        var word = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim('.', ',', '!', '?').ToLowerInvariant();
        if (!Dictionary.Value.TryGetPhonemes(word, out var phonemes))
        {
            throw new AssertionException($"'{word}' is not in the CMU Pronouncing Dictionary.");
        }
        var vowels = phonemes.Where(Phoneme.IsVowel).ToList();
        var stressed = vowels.FindLastIndex(v => v[^1] is '1' or '2');
        return string.Join(' ', vowels.Skip(Math.Max(0, stressed)).Select(Phoneme.WithoutStress));
    }
}
