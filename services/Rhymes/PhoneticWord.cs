namespace RapAnalyzer.Rhymes;

/// <summary>
/// One of eSpeak's phonetic words ("in the" is one, "InD@2"), as Malmi's rhyme code sees it. <see cref="Token"/> is
/// the transcription without stress marks; <see cref="Vowels"/> its vowels (<see cref="RhymeVowels"/>), a vowel
/// written twice in a row counted once (the raw previous character against the mapped one, as his code compares:
/// "aa" and "iI" merge, "II" does not); <see cref="Key"/> the token cut after its last vowel, which is what makes two
/// end words "the same word" ("night" and "knife" are both "naI"). <see cref="RhymeStart"/> is the index of the
/// vowel of its last stressed syllable (its last vowel when eSpeak stressed none). <see cref="SyllableStarts"/> says
/// of each vowel whether it begins a syllable: the second letter of a diphthong (aI, eI, oU, aU, OI) does not.
/// </summary>
public sealed class PhoneticWord
{
    private static readonly string[] Diphthongs = ["aI", "eI", "oU", "aU", "OI"];

    private PhoneticWord(string token, string key, IReadOnlyList<char> vowels, IReadOnlyList<bool> syllableStarts, int rhymeStart)
    {
        Token = token;
        Key = key;
        Vowels = vowels;
        SyllableStarts = syllableStarts;
        RhymeStart = rhymeStart;
    }

    public string Token { get; }

    public string Key { get; }

    public IReadOnlyList<char> Vowels { get; }

    public IReadOnlyList<bool> SyllableStarts { get; }

    public int RhymeStart { get; }

    /// <summary>The vowels from the last stressed one on ("money" mVni: V i): lines ending in the same one rhyme.</summary>
    public string RhymeTail => string.Concat(Vowels.Skip(RhymeStart));

    /// <summary>The word of a token eSpeak wrote (stress marks ' and , in it), or null when it has none of the vowels.</summary>
    public static PhoneticWord? Parse(string transcribed)
    {
        var token = new System.Text.StringBuilder(transcribed.Length);
        var vowels = new List<char>();
        var syllableStarts = new List<bool>();
        int lastVowelEnd = -1, rhymeStart = -1;
        var stressNext = false;
        foreach (var raw in transcribed)
        {
            if (raw == '\'')
            {
                stressNext = true;
                continue;
            }
            if (raw == ',')
            {
                continue;
            }
            var c = RhymeVowels.Map(raw);
            if (RhymeVowels.IsVowel(c))
            {
                if (token.Length > 0 && token[^1] == c)
                {
                    lastVowelEnd = token.Length;
                }
                else
                {
                    if (stressNext)
                    {
                        rhymeStart = vowels.Count;
                    }
                    vowels.Add(c);
                    syllableStarts.Add(token.Length == 0 || !Diphthongs.Contains(string.Concat(token[^1], raw)));
                    lastVowelEnd = token.Length;
                }
                stressNext = false;
            }
            token.Append(raw);
        }
        if (vowels.Count == 0)
        {
            return null;
        }
        var text = token.ToString();
        return new PhoneticWord(text, text[..(lastVowelEnd + 1)], vowels, syllableStarts, rhymeStart < 0 ? vowels.Count - 1 : rhymeStart);
    }

    public override string ToString() => Token;
}
