namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// An OpenAI-compatible embeddings endpoint (configuration section "EmbeddingEndpoint"), used beside the embedded
/// USE-Lite when <see cref="Url"/> is set.
/// </summary>
public sealed class EmbeddingEndpointOptions
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

    /// <summary>Per attempt, until the answer's headers arrive.</summary>
    public double TimeoutSeconds { get; set; } = 20;

    /// <summary>Per call: every attempt, the waits between them, and reading the answer.</summary>
    public double TotalTimeoutSeconds { get; set; } = 60;

    /// <summary>After a failed call, how long the endpoint is left alone (tracks get USE-Lite vectors only meanwhile).</summary>
    public double CooldownSeconds { get; set; } = 60;

    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff when the answer gives no Retry-After; it doubles with each retry, with jitter.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A 429 asking to wait longer than this is not retried: the track is enriched without this vector instead.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The id stored with the endpoint's vectors: the model, and the size asked for when one is.</summary>
    public string ModelId => Dimensions is { } dimensions ? $"{Model}/{dimensions}" : Model;
}
