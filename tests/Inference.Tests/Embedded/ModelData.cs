using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>The shipped lexicon and word list, loaded once (eng/setup.sh installs them into models/).</summary>
public static class ModelData
{
    private static readonly AnalysisOptions Defaults = new();
    private static readonly Lazy<VaderSentiment> LazyVader = new(() =>
        new VaderSentiment(VaderLexicon.Load(Defaults.VaderLexiconPath), VaderEmoji.Load(Defaults.EmojiNamesPath)));
    private static readonly Lazy<ExplicitWords> LazyExplicit = new(() => ExplicitWords.Load(Defaults.ExplicitWordsPath));

    public static VaderSentiment Vader => LazyVader.Value;

    public static ExplicitWords Explicit => LazyExplicit.Value;

    public static EmbeddedAnalyzer Analyzer => new(Vader, Explicit);
}
