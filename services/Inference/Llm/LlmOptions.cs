using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Inference.Llm;

/// <summary>The OpenAI-compatible chat endpoint; with no <see cref="Endpoint"/> the embedded analyzer answers.</summary>
public sealed class LlmOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 30, maxRetries: 2, maxRetryAfterSeconds: 30)
{
    public const string SectionName = "Llm";

    public string? Endpoint { get; set; }

    public string Model { get; set; } = "qwen/qwen3-4b-fp8";

    public string? ApiKey { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    protected override SettingFailures Check(SettingFailures failures)
    {
        base.Check(failures).Required(nameof(Model), Model, "a model").Secret(nameof(ApiKey), ApiKey);
        return IsConfigured ? failures.Url(nameof(Endpoint), Endpoint) : failures;
    }
}
