using System.Collections.Frozen;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>ARPAbet symbols as the CMU Pronouncing Dictionary writes them: a vowel ends in its stress (0, 1 or 2).</summary>
public static class Phoneme
{
    public static readonly IReadOnlyList<string> Vowels =
        ["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"];

    // One string instance per symbol, so the stress-free forms compare by reference and cost no allocation.
    private static readonly FrozenDictionary<string, string> StressFree = Vowels
        .SelectMany(vowel => new[] { "0", "1", "2", "" }.Select(stress => (Stressed: vowel + stress, Plain: vowel)))
        .ToFrozenDictionary(pair => pair.Stressed, pair => string.Intern(pair.Plain));

    public static bool IsVowel(string phoneme) => phoneme.Length > 0 && char.IsAsciiDigit(phoneme[^1]);

    public static string WithoutStress(string phoneme) =>
        StressFree.TryGetValue(phoneme, out var plain) ? plain : phoneme;
}
