namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// A pronunciation for every word: the dictionary's first one; a dropped g ("rappin'") as the "-ing" word ending
/// in N; digits spelled out ("2pac" as "two pac"); otherwise a reading of the spelling.
/// </summary>
public sealed class WordPronouncer(PronouncingDictionary dictionary)
{
    public Pronunciation Pronounce(string word)
    {
        if (TryDictionary(word, out var phonemes, out var source))
        {
            return new Pronunciation(phonemes, source);
        }
        if (word.Any(char.IsAsciiDigit))
        {
            return PronounceWithDigits(word);
        }
        return new Pronunciation(SpellingPronouncer.Pronounce(word), PronunciationSource.Spelling);
    }

    private bool TryDictionary(string word, out IReadOnlyList<string> phonemes, out PronunciationSource source)
    {
        source = PronunciationSource.Dictionary;
        if (dictionary.TryGetPhonemes(word, out var found))
        {
            phonemes = found;
            return true;
        }
        var stem = word.EndsWith("in'", StringComparison.Ordinal) ? word[..^1]
            : word.EndsWith("in", StringComparison.Ordinal) ? word
            : null;
        if (stem is not null && dictionary.TryGetPhonemes(stem + "g", out var ing) && ing[^1] == "NG")
        {
            source = PronunciationSource.DroppedG;
            phonemes = [.. ing.SkipLast(1), "N"];
            return true;
        }
        phonemes = [];
        return false;
    }

    /// <summary>"2pac", "50", "4ever": each run of digits as number words, each run of letters as a word.</summary>
    private Pronunciation PronounceWithDigits(string word)
    {
        var phonemes = new List<string>();
        var source = PronunciationSource.Number;
        var start = 0;
        while (start < word.Length)
        {
            var isDigit = char.IsAsciiDigit(word[start]);
            var end = start;
            while (end < word.Length && char.IsAsciiDigit(word[end]) == isDigit)
            {
                end++;
            }
            var run = word[start..end];
            start = end;
            if (isDigit)
            {
                foreach (var number in NumberSpeller.Words(run))
                {
                    phonemes.AddRange(Pronounce(number).Phonemes);
                }
            }
            else if (run.Any(char.IsLetter))
            {
                var part = Pronounce(run);
                phonemes.AddRange(part.Phonemes);
                source = (PronunciationSource)Math.Max((int)source, (int)part.Source);
            }
        }
        return new Pronunciation(phonemes, source);
    }
}
