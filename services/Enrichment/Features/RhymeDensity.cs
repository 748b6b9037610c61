namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// Rhyme density as Malmi et al. define it (DopeLearning, KDD 2016) and compute it in their raplyzer code
/// (github.com/ekQ/raplysaattori, lyrics.py), with CMU phonemes where they used espeak:
/// <list type="number">
/// <item>A repeated line (a chorus sung again) counts once: a line with the same words as an earlier one is dropped.</item>
/// <item>The remaining words, in order across lines, make one sequence of vowels without stress (consonants and
/// words with no vowel are dropped): "making money" is EY IH AH IY.</item>
/// <item>For each word w but the first, its rhyme length is the largest l over the 15 words v before it such that
/// the l vowels ending with v's last vowel equal the l vowels ending with w's last vowel, where v and w do not
/// sound the same (a repeated word is no rhyme); the later sequence stops before it reaches back into v, the
/// earlier one may reach back to the song's first vowel; the match stops at a pair of vowels that both lie in
/// earlier words when those two words sound the same ("I got money / I got honey" matches up to "I got"); and a
/// match of one vowel counts 0, as one-syllable assonance is everywhere.</item>
/// <item>Rhyme density is the mean rhyme length over those words; 0 with fewer than two words.</item>
/// </list>
/// Malmi's code compares the end words' transcriptions cut after their last vowel, so "night" and "knife" would be
/// the same word there; here they are the same only when their whole pronunciations are.
/// </summary>
public static class RhymeDensity
{
    public const int Lookback = 15;

    public static double Compute(IEnumerable<PronouncedLine> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = lines
            .Where(line => seen.Add(string.Join(' ', line.Line.Words)))
            .SelectMany(line => line.Words)
            .ToList();
        return Compute(words);
    }

    public static double Compute(IReadOnlyList<Pronunciation> pronunciations)
    {
        var words = pronunciations.Where(word => word.Syllables > 0).ToList();
        if (words.Count < 2)
        {
            return 0;
        }

        var vowels = new List<string>();
        var wordOfVowel = new List<int>();
        var lastVowel = new int[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            foreach (var vowel in words[w].Vowels)
            {
                vowels.Add(vowel);
                wordOfVowel.Add(w);
            }
            lastVowel[w] = vowels.Count - 1;
        }

        var total = 0;
        for (var later = 1; later < words.Count; later++)
        {
            var longest = 0;
            for (var earlier = Math.Max(0, later - Lookback); earlier < later; earlier++)
            {
                longest = Math.Max(longest, RhymeLength(earlier, later));
            }
            total += longest;
        }
        return (double)total / (words.Count - 1);

        int RhymeLength(int earlier, int later)
        {
            if (words[earlier].SoundsLike(words[later]))
            {
                return 0;
            }
            int p1 = lastVowel[earlier], p2 = lastVowel[later], length = 0;
            while (vowels[p1 - length] == vowels[p2 - length])
            {
                var w1 = wordOfVowel[p1 - length];
                var w2 = wordOfVowel[p2 - length];
                if (w1 != earlier && w2 != later && words[w1].SoundsLike(words[w2]))
                {
                    break;
                }
                length++;
                if (p1 - length < 0 || p2 - length <= p1)
                {
                    break;
                }
            }
            return length == 1 ? 0 : length;
        }
    }
}
