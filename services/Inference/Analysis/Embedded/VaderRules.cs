namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's rules (Hutto and Gilbert, ICWSM 2014) as the reference vaderSentiment (cjhutto/vaderSentiment, Python)
/// publishes them: its empirically derived constants, negations, degree adverbs and special-case idioms, plus a few
/// spellings lyrics use for the same words (marked).
/// </summary>
public static class VaderRules
{
    public const double BoosterIncrement = 0.293;
    public const double CapsIncrement = 0.733;
    public const double NegationScalar = -0.74;

    /// <summary>The compound score's normalisation: x / sqrt(x² + α) approximates the maximum expected value.</summary>
    public const double NormalizationAlpha = 15;

    public static readonly IReadOnlySet<string> Negations = new HashSet<string>(StringComparer.Ordinal)
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither", "don't",
        "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor",
        "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't",
        "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom",
        "despite",
        // Lyrics' spellings of the same negations (a trailing apostrophe is stripped with the punctuation).
        "ain", "nothin", "neva",
    };

    /// <summary>Degree adverbs; "kind of" and "sort of" count as one where they stand before a word (the reference's n-grams).</summary>
    public static readonly IReadOnlyDictionary<string, double> Boosters = Build(
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply", "effing",
            "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme", "extremely",
            "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly",
            "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
            "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ],
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little", "marginal",
            "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
            "sort of", "sorta", "sortof", "sort-of",
        ]);

    /// <summary>Idioms whose valence replaces their lexicon word's ("the shit" is praise, "broken heart" is not).</summary>
    public static readonly IReadOnlyDictionary<string, double> SpecialCases = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0, ["yeah right"] = -2,
        ["kiss of death"] = -1.5, ["to die for"] = 3, ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    };

    private static Dictionary<string, double> Build(string[] increments, string[] decrements)
    {
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in increments)
        {
            boosters[word] = BoosterIncrement;
        }
        foreach (var word in decrements)
        {
            boosters[word] = -BoosterIncrement;
        }
        return boosters;
    }

    public static bool IsNegation(string lowerWord) => Negations.Contains(lowerWord) || lowerWord.Contains("n't", StringComparison.Ordinal);
}
