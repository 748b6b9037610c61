using RapAnalyzer.Contracts;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (configuration section "EmbeddingEndpoint"), used beside the embedded
/// USE-Lite when <see cref="Url"/> is set. A 429 asking to wait over 30 s is not retried: the track is enriched
/// without this vector instead.
/// </summary>
public sealed class EmbeddingEndpointOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 20, maxRetries: 2, maxRetryAfterSeconds: 30)
{
    public const string SectionName = "EmbeddingEndpoint";

    /// <summary>The API's base URL, the part before "/embeddings": https://api.openai.com/v1, http://localhost:11434/v1.</summary>
    public string? Url { get; set; }

    public string Model { get; set; } = "text-embedding-3-small";

    public string? ApiKey { get; set; }

    /// <summary>Asks the model for vectors of this size (models that support shortening them); empty: the model's own size.</summary>
    public int? Dimensions { get; set; }

    /// <summary>The most texts sent in one request; a batch of tracks takes as many requests as it needs.</summary>
    public int InputsPerRequest { get; set; } = 128;

    /// <summary>Per call: every attempt, the waits between them, and reading the answer.</summary>
    public double TotalTimeoutSeconds { get; set; } = 60;

    /// <summary>After a failed call, how long the endpoint is left alone (tracks get USE-Lite vectors only meanwhile).</summary>
    public double CooldownSeconds { get; set; } = 60;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The id stored with the endpoint's vectors: the model, and the size asked for when one is.</summary>
    public string ModelId => Dimensions is { } dimensions ? $"{Model}/{dimensions}" : Model;

    protected override SettingFailures Check(SettingFailures failures)
    {
        if (!IsConfigured)
        {
            // A key or size without a URL is a half-done configuration; running on USE-Lite alone would hide it.
            return string.IsNullOrWhiteSpace(ApiKey) && Dimensions is null
                ? failures
                : failures.Add(nameof(Url), "must be set when an ApiKey or Dimensions is (or leave all of them empty to embed with USE-Lite alone).");
        }
        base.Check(failures)
            .Url(nameof(Url), Url)
            .Required(nameof(Model), Model, "the endpoint's embedding model")
            .Secret(nameof(ApiKey), ApiKey)
            .Range(nameof(Dimensions), Dimensions, 1, 16_000)
            .Range(nameof(InputsPerRequest), InputsPerRequest, 1, 2048)
            .Range(nameof(TotalTimeoutSeconds), TotalTimeoutSeconds, TimeoutSeconds, 3600)
            .Range(nameof(CooldownSeconds), CooldownSeconds, 0, 3600);
        return ModelId.Length <= EmbeddingModels.MaxIdLength
            ? failures
            : failures.Add(nameof(Model), $"'{Model}' is too long: the stored model id '{ModelId}' may have at most {EmbeddingModels.MaxIdLength} characters.");
    }
}
