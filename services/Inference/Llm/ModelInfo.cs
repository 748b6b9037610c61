using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// What answers analysis requests and how it fares: the configured and the active analyzer (the LLM while it is
/// configured, its circuit closed and its budget not spent), the circuit, the budget, latencies per analyzer, tokens
/// and the share of LLM answers that held no valid analysis; and the theme and mood lists analyses choose from. Not
/// the LLM's endpoint: an internal address (perhaps with a key in it) is the operator's to know, in the dashboard.
/// </summary>
public sealed record ModelInfo(
    bool LlmConfigured,
    string LlmModel,
    string ActiveAnalyzer,
    IReadOnlyList<string> ConfiguredAnalyzers,
    string CircuitState,
    LlmBudgetInfo Budget,
    IReadOnlyDictionary<string, LatencyPercentiles> LatencyMs,
    TokenUsage Tokens,
    long LlmAnswers,
    long ParseFailures,
    double ParseFailureRate,
    string EmbeddedAnalyzerVersion,
    string PromptVersion,
    IReadOnlyList<Themes.Descriptor> Themes,
    IReadOnlyList<Themes.Descriptor> Moods)
{
    public const string EmbeddedAnalyzer = "embedded";

    public static async Task<ModelInfo> FromAsync(LlmOptions options, LlmCircuit circuit, LlmBudget budget, AnalysisStats stats)
    {
        var left = options.IsConfigured ? await budget.LeftAsync() : 0;
        var active = options.IsConfigured && !circuit.IsOpen && left > 0 ? $"llm:{options.Model}" : EmbeddedAnalyzer;
        var answers = stats.Answers;
        return new ModelInfo(
            options.IsConfigured,
            options.Model,
            active,
            options.IsConfigured ? [Analyzers.Llm, Analyzers.Embedded] : [Analyzers.Embedded],
            options.IsConfigured ? circuit.State : "none",
            new LlmBudgetInfo(options.RequestsPerMinute, left),
            stats.Latencies(),
            new TokenUsage(stats.InputTokens, stats.OutputTokens),
            answers,
            stats.ParseFailures,
            answers == 0 ? 0 : Math.Round(stats.ParseFailures / (double)answers, 4),
            Analysis.Embedded.EmbeddedAnalyzer.Version,
            AnalysisPrompt.Version,
            Analysis.Themes.All,
            Analysis.Themes.Moods);
    }
}

/// <summary>The LLM's requests-per-minute budget and what is left of it in the current minute.</summary>
public sealed record LlmBudgetInfo(int RequestsPerMinute, int Left);
