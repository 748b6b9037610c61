namespace RapAnalyzer.Inference.Llm;

/// <summary>The OpenAI-compatible chat endpoint; with no <see cref="Endpoint"/> the embedded analyzer answers.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    public string? Endpoint { get; set; }
    public string Model { get; set; } = "qwen/qwen3-4b-fp8";
    public string? ApiKey { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}
