namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>The Spotify Web API, reached with an app's client credentials; without them, tracks are enriched without Spotify.</summary>
public sealed class SpotifyOptions
{
    public const string SectionName = "Spotify";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.spotify.com";

    public string AccountsBaseUrl { get; set; } = "https://accounts.spotify.com";

    /// <summary>Per attempt, including reading the body.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    public int MaxRetries { get; set; } = 2;

    /// <summary>The first backoff when the answer gives no Retry-After; it doubles with each retry, with jitter.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A 429 asking to wait longer than this is not retried: metadata is optional and must not stall the pipeline.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
