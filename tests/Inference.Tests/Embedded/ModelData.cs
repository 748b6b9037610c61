using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>The shipped lexicon and word list, loaded once (eng/setup.sh installs them into models/).</summary>
public static class ModelData
{
    private static readonly Lazy<VaderSentiment> LazyVader = new(() => new VaderSentiment(VaderLexicon.Load(new AnalysisOptions().VaderLexiconPath)));
    private static readonly Lazy<ExplicitWords> LazyExplicit = new(() => ExplicitWords.Load(new AnalysisOptions().ExplicitWordsPath));

    public static VaderSentiment Vader => LazyVader.Value;

    public static ExplicitWords Explicit => LazyExplicit.Value;

    public static EmbeddedAnalyzer Analyzer => new(Vader, Explicit);
}
