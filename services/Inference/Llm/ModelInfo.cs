namespace RapAnalyzer.Inference.Llm;

/// <summary>What answers analysis requests: the configured LLM, or the embedded analyzer when there is none.</summary>
public sealed record ModelInfo(bool LlmConfigured, string? LlmEndpoint, string LlmModel, string ActiveAnalyzer)
{
    public const string EmbeddedAnalyzer = "embedded";

    public static ModelInfo From(LlmOptions options) => new(
        options.IsConfigured,
        options.Endpoint,
        options.Model,
        options.IsConfigured ? $"llm:{options.Model}" : EmbeddedAnalyzer);
}
