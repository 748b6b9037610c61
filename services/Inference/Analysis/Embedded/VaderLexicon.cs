using System.Globalization;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's sentiment lexicon: 7,500 words, emoticons and slang, each with its mean valence from −4 to 4 as ten human
/// raters judged it. The file is vader_lexicon.txt of the npm package vader-sentiment@1.1.3 (eng/setup.sh installs
/// it): lines of token, mean, standard deviation and the raw ratings, tab-separated; <see cref="ReferenceCorrections"/>
/// bring it up to the reference's.
/// </summary>
public sealed class VaderLexicon(IReadOnlyDictionary<string, double> valences)
{
    public int Count => valences.Count;

    public bool TryGetValence(string lowerWord, out double valence) => valences.TryGetValue(lowerWord, out valence);

    /// <summary>
    /// Where the reference's lexicon (cjhutto/vaderSentiment) differs from the npm package's older copy: three words it
    /// has since rated and "badass", re-rated as the praise it is. With them the lexicon is the reference's, entry for entry.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> ReferenceCorrections = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["badass"] = 1.4, ["flawed"] = -2.1, ["heart"] = 3.2, ["hearts"] = 3.3,
    };

    public static VaderLexicon Load(string path) => Parse(File.ReadLines(path).Concat(ReferenceCorrections.Select(c => Invariant($"{c.Key}\t{c.Value}"))));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static VaderLexicon Parse(IEnumerable<string> lines)
    {
        var valences = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                valences[fields[0]] = valence;
            }
        }
        return new VaderLexicon(valences);
    }
}
