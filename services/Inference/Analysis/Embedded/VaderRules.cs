namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's rules (Hutto and Gilbert, ICWSM 2014) as vaderSentiment publishes them (the JS port vader-sentiment@1.1.3,
/// whose lexicon the analyzer reads): its empirically derived constants, negations and degree adverbs.
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
        // Lyrics' spellings of the same negations.
        "aint'", "nah", "no", "ain", "dont'", "nothin", "nothin'", "neva",
    };

    public static readonly IReadOnlyDictionary<string, double> Boosters = Build(
        [
            "absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply", "effing", "enormously",
            "entirely", "especially", "exceptionally", "extremely", "fabulously", "flipping", "flippin", "fricking", "frickin",
            "frigging", "friggin", "fully", "fucking", "greatly", "hella", "highly", "hugely", "incredibly", "intensely",
            "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "totally", "tremendously", "uber", "unbelievably", "unusually", "utterly", "very",
            // Lyrics' spellings.
            "fuckin", "fuckin'",
        ],
        [
            "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginally", "occasionally",
            "partly", "scarcely", "slightly", "somewhat", "sorta", "sortof", "sort-of",
        ]);

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
