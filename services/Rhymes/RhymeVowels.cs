namespace RapAnalyzer.Rhymes;

/// <summary>
/// The vowels of Malmi's rhyme code (phonetics.py) in eSpeak's mnemonics. Each character is a vowel of its own, so
/// a diphthong is two (PRICE "aI" is a, i; GOAT "oU" is o, U); the schwa "@" is none, as it rhymes with anything; a
/// length mark ":" is none; KIT and FLEECE are one (I = i), LOT, THOUGHT and GOAT's start are one (0 = O = o), DRESS
/// and FACE's start are one (E = e).
/// </summary>
public static class RhymeVowels
{
    private const string Vowels = "3L5aAeEiI0VuUoO";

    public static char Map(char c) => c switch
    {
        '0' or 'O' => 'o',
        'I' => 'i',
        'E' => 'e',
        _ => c,
    };

    public static bool IsVowel(char c) => Vowels.Contains(c);
}
