namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's compound valence of one sentence (a lyric line), rule for rule as the reference vaderSentiment computes it:
/// tokens split on white space with their ASCII punctuation stripped unless two characters or fewer would be left (so
/// ":)" and ":D" stay); each lexicon word's valence, "no" negating what follows it, emphasised in capitals among
/// lower case, raised or lowered by up to three degree adverbs before it (each further one counting less), flipped and
/// damped by a negation within three words ("never so good" raised instead, a word after "without a doubt" not
/// negated), special idioms and "kind of" applied, "least" negating; weighted half before and 1.5 times after "but";
/// summed with the emphasis of "!" and "??", normalised to −1..1 and rounded to 4 decimals as the reference reports it. Emoji are
/// first written as their names (<see cref="VaderEmoji"/>); curly apostrophes, which lyrics sites write, are read as
/// straight ones.
/// </summary>
public sealed class VaderSentiment(VaderLexicon lexicon, VaderEmoji emoji)
{
    public double Compound(string line)
    {
        var sentence = emoji.Translate(line);
        var words = Tokens(sentence.Replace('’', '\''));
        if (words.Length == 0)
        {
            return 0;
        }
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var capsDiffer = CapsDiffer(words);
        var valences = new double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var modifier = VaderRules.Boosters.ContainsKey(lower[i]) || (lower[i] == "kind" && i + 1 < lower.Length && lower[i + 1] == "of");
            valences[i] = modifier ? 0 : Valence(words, lower, i, capsDiffer);
        }
        ApplyBut(lower, valences);
        var sum = valences.Sum();
        if (sum != 0)
        {
            sum += Math.Sign(sum) * PunctuationEmphasis(sentence);
        }
        return Math.Round(Normalize(sum), 4, MidpointRounding.ToEven);
    }

    private static string[] Tokens(string sentence) =>
    [
        .. sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Trim(AsciiPunctuation) is { Length: > 2 } stripped ? stripped : token),
    ];

    private double Valence(string[] words, string[] lower, int i, bool capsDiffer)
    {
        if (!lexicon.TryGetValence(lower[i], out var lexical))
        {
            return 0;
        }
        var valence = lexical;
        if (lower[i] == "no" && i + 1 < lower.Length && InLexicon(lower[i + 1]))
        {
            // "no" before a lexicon word negates it rather than counting as a word of its own.
            valence = 0;
        }
        if ((i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no") || (i > 2 && lower[i - 3] == "no" && lower[i - 1] is "or" or "nor"))
        {
            valence = lexical * VaderRules.NegationScalar;
        }
        if (capsDiffer && IsUpper(words[i]))
        {
            valence += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }
        for (var distance = 1; distance <= 3 && i - distance >= 0; distance++)
        {
            if (InLexicon(lower[i - distance]))
            {
                continue;
            }
            valence += Scalar(words[i - distance], lower[i - distance], valence, capsDiffer) * (distance switch { 1 => 1, 2 => 0.95, _ => 0.9 });
            valence = Negated(valence, lower, distance, i);
            if (distance == 3)
            {
                valence = Idioms(valence, lower, i);
            }
        }
        return Least(valence, lower, i);
    }

    private bool InLexicon(string lowerWord) => lexicon.TryGetValence(lowerWord, out _);

    private static double Scalar(string word, string lowerWord, double valence, bool capsDiffer)
    {
        if (!VaderRules.Boosters.TryGetValue(lowerWord, out var scalar))
        {
            return 0;
        }
        if (valence < 0)
        {
            scalar = -scalar;
        }
        if (capsDiffer && IsUpper(word))
        {
            scalar += valence > 0 ? VaderRules.CapsIncrement : -VaderRules.CapsIncrement;
        }
        return scalar;
    }

    private static double Negated(double valence, string[] lower, int distance, int i)
    {
        var before = lower[i - distance];
        switch (distance)
        {
            case 2 when lower[i - 2] == "never" && lower[i - 1] is "so" or "this":
            case 3 when (lower[i - 3] == "never" && lower[i - 2] is "so" or "this") || lower[i - 1] is "so" or "this":
                return valence * 1.25;
            case 2 when lower[i - 2] == "without" && lower[i - 1] == "doubt":
            case 3 when lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt"):
                return valence;
            default:
                return VaderRules.IsNegation(before) ? valence * VaderRules.NegationScalar : valence;
        }
    }

    // Looked at only with three words before the word, as the reference does.
    private static double Idioms(double valence, string[] lower, int i)
    {
        string[] before = [$"{lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]}",
            $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}"];
        foreach (var sequence in before)
        {
            if (VaderRules.SpecialCases.TryGetValue(sequence, out var special))
            {
                valence = special;
                break;
            }
        }
        if (i + 1 < lower.Length && VaderRules.SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]}", out var after))
        {
            valence = after;
        }
        if (i + 2 < lower.Length && VaderRules.SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]} {lower[i + 2]}", out var afterTwo))
        {
            valence = afterTwo;
        }
        foreach (var gram in (string[])[before[3], before[4], before[2]])
        {
            if (VaderRules.Boosters.TryGetValue(gram, out var boost))
            {
                valence += boost;
            }
        }
        return valence;
    }

    // "the least compelling" negates; "at least" and "very least" do not.
    private double Least(double valence, string[] lower, int i)
    {
        if (i > 0 && lower[i - 1] == "least" && !InLexicon("least") && !(i > 1 && lower[i - 2] is "at" or "very"))
        {
            return valence * VaderRules.NegationScalar;
        }
        return valence;
    }

    // "I loved it but it hurt": what follows the first "but" is what the sentence means.
    private static void ApplyBut(string[] lower, double[] valences)
    {
        var but = Array.IndexOf(lower, "but");
        if (but < 0)
        {
            return;
        }
        for (var i = 0; i < valences.Length; i++)
        {
            valences[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static double PunctuationEmphasis(string sentence)
    {
        var exclamations = Math.Min(4, sentence.Count(c => c == '!')) * 0.292;
        var questions = sentence.Count(c => c == '?');
        return exclamations + questions switch { <= 1 => 0, <= 3 => questions * 0.18, _ => 0.96 };
    }

    private static double Normalize(double sum) => Math.Clamp(sum / Math.Sqrt(sum * sum + VaderRules.NormalizationAlpha), -1, 1);

    // Python's str.isupper, which the reference uses: a cased letter, and no lower-case one.
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    private static bool CapsDiffer(string[] words)
    {
        var upper = words.Count(IsUpper);
        return upper > 0 && upper < words.Length;
    }

    private static readonly char[] AsciiPunctuation = [.. "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
}
