namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's valence of one sentence (a lyric line): each lexicon word's valence, raised or lowered by up to three
/// degree adverbs before it (each further one counts less), flipped and damped by a negation within three words,
/// emphasised in capitals among lower case, weighted half before and 1.5 times after "but"; summed with the
/// exclamation marks' emphasis and normalised to the compound score −1..1.
/// </summary>
public sealed class VaderSentiment(VaderLexicon lexicon)
{
    private static readonly char[] Trim = ['.', ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '{', '}', '*', '…', '“', '”', '‘', '’'];

    public double Compound(string sentence)
    {
        var words = sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Trim).Replace('’', '\''))
            .Where(w => w.Length > 1 || w is "i" or "I")
            .ToArray();
        if (words.Length == 0)
        {
            return 0;
        }
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var capsDiffer = words.Any(IsShouting) && !words.All(IsShouting);
        var valences = new double[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            valences[i] = Valence(words, lower, i, capsDiffer);
        }
        ApplyBut(lower, valences);
        var sum = valences.Sum();
        if (sum != 0)
        {
            sum += Math.Sign(sum) * ExclamationEmphasis(sentence);
        }
        return Normalize(sum);
    }

    private double Valence(string[] words, string[] lower, int i, bool capsDiffer)
    {
        if (VaderRules.Boosters.ContainsKey(lower[i]) || !lexicon.TryGetValence(lower[i], out var valence))
        {
            return 0;
        }
        if (capsDiffer && IsShouting(words[i]))
        {
            valence += Math.Sign(valence) * VaderRules.CapsIncrement;
        }
        for (var distance = 1; distance <= 3 && i - distance >= 0; distance++)
        {
            var before = lower[i - distance];
            if (!lexicon.TryGetValence(before, out _) && VaderRules.Boosters.TryGetValue(before, out var boost))
            {
                var scalar = Math.Sign(valence) * boost;
                if (capsDiffer && IsShouting(words[i - distance]))
                {
                    scalar += Math.Sign(valence) * VaderRules.CapsIncrement * Math.Sign(boost);
                }
                valence += scalar * (distance switch { 1 => 1, 2 => 0.95, _ => 0.9 });
            }
            if (VaderRules.IsNegation(before))
            {
                valence *= VaderRules.NegationScalar;
            }
        }
        return valence;
    }

    // "I loved it but it hurt": what follows "but" is what the sentence means.
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

    private static double ExclamationEmphasis(string sentence) => Math.Min(4, sentence.Count(c => c == '!')) * 0.292;

    private static double Normalize(double sum) => Math.Clamp(sum / Math.Sqrt(sum * sum + VaderRules.NormalizationAlpha), -1, 1);

    private static bool IsShouting(string word) => word.Any(char.IsLetter) && word.Where(char.IsLetter).All(char.IsUpper) && word.Length > 1;
}
