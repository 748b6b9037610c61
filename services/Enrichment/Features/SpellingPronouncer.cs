using System.Text;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// A rough letter-to-sound reading for words no dictionary has (slang, names, invented words), so every word gets
/// syllables, vowels and a rhyme tail. Vowel letter groups are syllables (a "y" ends its group: "play|er"); a final
/// "e" after a consonant is silent and makes the vowel before a single consonant long ("raplyze" R AE P L AY Z);
/// suffixes are read as units: "-ed" (a syllable only after t or d), "-es" (a syllable only after a sibilant),
/// consonant + "-le", "-ism", "-tion" (with the long vowel before it), "-ing". The first vowel carries the stress.
/// </summary>
public static class SpellingPronouncer
{
    public static IReadOnlyList<string> Pronounce(string word)
    {
        var letters = LettersOf(word);
        var (stem, suffix) = SplitSuffix(letters);
        var phonemes = ReadStem(stem);
        phonemes.AddRange(suffix);
        GiveAVowel(phonemes);
        var first = phonemes.FindIndex(Phoneme.IsVowel);
        for (var i = 0; i < phonemes.Count; i++)
        {
            if (Phoneme.IsVowel(phonemes[i]))
            {
                phonemes[i] = phonemes[i][..^1] + (i == first ? '1' : '0');
            }
        }
        return phonemes;
    }

    /// <summary>Lowercase a–z only: accents dropped ("señor" → "senor"), apostrophes, digits and other scripts skipped.</summary>
    private static string LettersOf(string word)
    {
        var letters = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z')
            {
                letters.Append(lower);
            }
        }
        return letters.ToString();
    }

    private static (string Stem, string[] Suffix) SplitSuffix(string w)
    {
        if (w.Length < 4)
        {
            return (w, []);
        }
        if (w.EndsWith("tion") || w.EndsWith("sion"))
        {
            // The vowel before "-tion" is long and belongs to it: "nation" N EY SH AH N, "motion", "fusion".
            return w.Length > 5 && w[^5] is 'a' or 'e' or 'i' or 'o' or 'u'
                ? Suffix(w, 5, w[^5] switch { 'a' => "EY0", 'e' => "IY0", 'i' => "IH0", 'o' => "OW0", _ => "UW0" }, "SH", "AH0", "N")
                : Suffix(w, 4, "SH", "AH0", "N");
        }
        if (w.EndsWith("ism"))
        {
            return Suffix(w, 3, "IH0", "Z", "AH0", "M");
        }
        if (w.EndsWith("ing"))
        {
            return Suffix(w, 3, "IH0", "NG");
        }
        var beforeSuffix = w[^3];
        if (IsVowelLetter(w, w.Length - 3))
        {
            return (w, []); // "-eed", "-ies", "-ale": the ending is part of a vowel group, not a suffix
        }
        if (w.EndsWith("le") && beforeSuffix != 'l')
        {
            return Suffix(w, 2, "AH0", "L");
        }
        if (w.EndsWith("ed"))
        {
            return beforeSuffix is 't' or 'd'
                ? Suffix(w, 2, "IH0", "D")
                : Suffix(w, 1, IsVoiceless(beforeSuffix) ? "T" : "D"); // the stem keeps its silent e: "raked" as "rake"
        }
        if (w.EndsWith("es"))
        {
            if (beforeSuffix is 's' or 'x' or 'z' || w.EndsWith("ches") || w.EndsWith("shes"))
            {
                return Suffix(w, 2, "IH0", "Z");
            }
            return beforeSuffix is 'c' or 'g'
                ? Suffix(w, 1, "IH0", "Z") // "dances": "dance" and a syllable
                : Suffix(w, 1, IsVoiceless(beforeSuffix) ? "S" : "Z");
        }
        return (w, []);
    }

    // A suffix with no vowel of its own needs one in the stem: "bes" is not "b" + S.
    private static (string, string[]) Suffix(string w, int length, params string[] phonemes) =>
        HasVowel(w[..^length]) || phonemes.Any(Phoneme.IsVowel) ? (w[..^length], phonemes) : (w, []);

    private static List<string> ReadStem(string w)
    {
        var phonemes = new List<string>();
        var silentE = w.Length >= 3 && w[^1] == 'e' && !IsVowelLetter(w, w.Length - 2) && HasVowel(w[..^1]) ? w.Length - 1 : -1;
        var end = silentE >= 0 ? silentE : w.Length;
        var i = 0;
        while (i < end)
        {
            i = IsVowelLetter(w, i) ? ReadVowel(w, i, end, silentE, phonemes) : ReadConsonant(w, i, phonemes);
        }
        return phonemes;
    }

    private static int ReadVowel(string w, int i, int end, int silentE, List<string> phonemes)
    {
        var j = i + 1;
        while (j < end && IsVowelLetter(w, j) && w[j - 1] != 'y')
        {
            j++;
        }
        if (j - i >= 2)
        {
            phonemes.AddRange(VowelGroup(w[i..j], atEnd: j == end));
            return j;
        }

        var c = w[i];
        var next = j < w.Length ? w[j] : '\0';
        var consonantThenSilentE = j < end && j + 1 == silentE && next is not ('w' or 'x' or 'y');
        var closes = j + 1 >= w.Length || !IsVowelLetter(w, j + 1) || j + 1 == silentE;
        if (consonantThenSilentE)
        {
            phonemes.Add(c switch { 'a' => "EY0", 'e' => "IY0", 'i' or 'y' => "AY0", 'o' => "OW0", _ => "UW0" });
            return j;
        }
        if (next == 'w' && closes && c is 'a' or 'o' or 'e')
        {
            phonemes.Add(c switch { 'a' => "AO0", 'o' => "OW0", _ => "UW0" });
            return j + 1;
        }
        if (next == 'r' && closes)
        {
            if (c is 'e' or 'i' or 'u' or 'y')
            {
                phonemes.Add("ER0");
                return j + 1;
            }
            phonemes.Add(c == 'a' ? "AA0" : "AO0");
            return j; // the r is read as R
        }
        if (c == 'y')
        {
            phonemes.Add(!HasVowel(w[..i]) && !HasVowel(w[j..end]) ? "AY0" : j == end ? "IY0" : "IH0");
            return j;
        }
        if (j == end)
        {
            phonemes.Add(c switch { 'a' => "AH0", 'e' or 'i' => "IY0", 'o' => "OW0", _ => "UW0" });
            return j;
        }
        phonemes.Add(ShortVowel(c));
        return j;
    }

    private static IEnumerable<string> VowelGroup(string group, bool atEnd)
    {
        switch (group)
        {
            case "iou" or "eou": return ["AH0"];
            case "eau": return ["OW0"];
        }
        return group[..2] switch
        {
            "ai" or "ay" or "ei" => ["EY0"],
            "ey" => [atEnd ? "IY0" : "EY0"],
            "ee" or "ea" or "ie" => ["IY0"],
            "oo" => ["UW0"],
            "ou" => ["AW0"],
            "oi" or "oy" => ["OY0"],
            "au" => ["AO0"],
            "oa" or "oe" => ["OW0"],
            "ue" or "ui" or "eu" => ["UW0"],
            // Two vowels that make no digraph are two syllables: "duo", "mafia".
            var pair => [ShortVowel(pair[0]), atEnd && group.Length == 2 ? OpenVowel(pair[1]) : ShortVowel(pair[1])],
        };
    }

    private static string ShortVowel(char c) => c switch
    {
        'a' => "AE0", 'e' => "EH0", 'i' or 'y' => "IH0", 'o' => "AA0", _ => "AH0",
    };

    private static string OpenVowel(char c) => c switch
    {
        'a' => "AH0", 'e' or 'i' or 'y' => "IY0", 'o' => "OW0", _ => "UW0",
    };

    private static int ReadConsonant(string w, int i, List<string> phonemes)
    {
        var c = w[i];
        var next = i + 1 < w.Length ? w[i + 1] : '\0';
        if (c == 't' && next == 'c' && i + 2 < w.Length && w[i + 2] == 'h')
        {
            phonemes.Add("CH");
            return i + 3;
        }
        string[]? pair = (c, next) switch
        {
            ('c', 'h') => ["CH"],
            ('s', 'h') => ["SH"],
            ('t', 'h') => ["TH"],
            ('p', 'h') => ["F"],
            ('w', 'h') => ["W"],
            ('c', 'k') => ["K"],
            ('n', 'g') => ["NG"],
            ('q', 'u') => ["K", "W"],
            ('g', 'h') => i == 0 ? ["G"] : [],
            ('k', 'n') when i == 0 => ["N"],
            ('w', 'r') when i == 0 => ["R"],
            _ when next == c => [Consonant(c, '\0')], // a double letter is one sound
            _ => null,
        };
        if (pair is not null)
        {
            phonemes.AddRange(pair);
            return i + 2;
        }
        phonemes.AddRange(c == 'x' ? ["K", "S"] : [Consonant(c, next)]);
        return i + 1;
    }

    private static string Consonant(char c, char next) => c switch
    {
        'b' => "B", 'd' => "D", 'f' => "F", 'g' => "G", 'h' => "HH", 'j' => "JH", 'k' or 'q' => "K", 'l' => "L",
        'm' => "M", 'n' => "N", 'p' => "P", 'r' => "R", 's' => "S", 't' => "T", 'v' => "V", 'w' => "W",
        'y' => "Y", 'z' => "Z", 'x' => "K",
        'c' => next is 'e' or 'i' or 'y' ? "S" : "K",
        _ => "HH",
    };

    /// <summary>"brr", "skrrt", "hmm": a word with no vowel letter is still a syllable.</summary>
    private static void GiveAVowel(List<string> phonemes)
    {
        if (phonemes.Any(Phoneme.IsVowel))
        {
            return;
        }
        var r = phonemes.IndexOf("R");
        if (r >= 0)
        {
            phonemes[r] = "ER0";
        }
        else
        {
            phonemes.Insert(Math.Min(1, phonemes.Count), "AH0");
        }
    }

    private static bool IsVowelLetter(string w, int i) => w[i] is 'a' or 'e' or 'i' or 'o' or 'u' || (w[i] == 'y' && i > 0);

    private static bool HasVowel(string w) => Enumerable.Range(0, w.Length).Any(i => IsVowelLetter(w, i));

    private static bool IsVoiceless(char c) => c is 'p' or 't' or 'k' or 'f' or 'c' or 's' or 'x' or 'h';
}
