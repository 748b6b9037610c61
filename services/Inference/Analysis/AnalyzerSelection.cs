using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>Whether the LLM answers a request: asked for (or auto) and configured.</summary>
public sealed class AnalyzerSelection(IOptions<LlmOptions> llm)
{
    /// <summary>Why the embedded analyzer answers instead of the LLM; null when the LLM should answer, or when the embedded analyzer was asked for.</summary>
    public string? WhyNotLlm(string analyzer) => analyzer switch
    {
        Analyzers.Embedded => null,
        Analyzers.Llm when !llm.Value.IsConfigured => "The LLM was asked for but none is configured (Llm:Endpoint): the embedded analyzer answered.",
        Analyzers.Auto when !llm.Value.IsConfigured => null,
        _ => "The LLM path is not available yet: the embedded analyzer answered.",
    };
}
