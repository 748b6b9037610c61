using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Inference.Llm;

/// <summary>The OpenAI-compatible chat endpoint; with no <see cref="Endpoint"/> the embedded analyzer answers.</summary>
public sealed class LlmOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 30, maxRetries: 2, maxRetryAfterSeconds: 30)
{
    public const string SectionName = "Llm";

    public string? Endpoint { get; set; }

    public string Model { get; set; } = "qwen/qwen3-4b-fp8";

    public string? ApiKey { get; set; }

    /// <summary>Requests to the LLM a minute across the service (Novita's limit for the model is 45).</summary>
    public int RequestsPerMinute { get; set; } = 45;

    /// <summary>
    /// Percent of <see cref="RequestsPerMinute"/> that the durable pipeline and batches leave to requests waiting for
    /// their answer: a backlog of thousands of tracks takes the rest, so an interactive analysis still reaches the LLM.
    /// </summary>
    public int InteractiveReservePercent { get; set; } = 20;

    /// <summary>Requests to the LLM in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How the answer is asked to be JSON: servers differ (vLLM and Ollama ≥ 0.5 enforce a schema, others ignore it).</summary>
    public LlmJsonMode JsonMode { get; set; } = LlmJsonMode.JsonSchema;

    /// <summary>Qwen3's soft switch "/no_think" is added to the prompt, so it answers without a think block first.</summary>
    public bool DisableThinking { get; set; } = true;

    /// <summary>Failed analyses in a row (each after its retries) that open the LLM's circuit; the embedded analyzer answers while it is open.</summary>
    public int CircuitBreakerFailures { get; set; } = 5;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    protected override SettingFailures Check(SettingFailures failures)
    {
        base.Check(failures).Required(nameof(Model), Model, "a model").Secret(nameof(ApiKey), ApiKey)
            .Range(nameof(RequestsPerMinute), RequestsPerMinute, 1, 100_000)
            .Range(nameof(InteractiveReservePercent), InteractiveReservePercent, 0, 90)
            .Range(nameof(Concurrency), Concurrency, 1, 256)
            .Range(nameof(CircuitBreakerFailures), CircuitBreakerFailures, 2, 1000);
        if (!Enum.IsDefined(JsonMode))
        {
            failures.Add(nameof(JsonMode), $"must be one of {string.Join(", ", Enum.GetNames<LlmJsonMode>())}.");
        }
        return IsConfigured ? failures.Url(nameof(Endpoint), Endpoint) : failures;
    }
}

/// <summary>
/// <see cref="JsonSchema"/>: response_format json_schema (the schema enforced where the server can);
/// <see cref="JsonObject"/>: response_format json_object, the schema in the prompt; <see cref="SchemaInPrompt"/>:
/// no response_format at all, for servers that refuse one.
/// </summary>
public enum LlmJsonMode
{
    JsonSchema,
    JsonObject,
    SchemaInPrompt,
}
