namespace RapAnalyzer.Scraper.Genius;

/// <summary>The Genius API and how politely and persistently the scraper talks to it.</summary>
public sealed class GeniusOptions
{
    public const string SectionName = "Genius";

    public string BaseUrl { get; set; } = "https://api.genius.com";

    /// <summary>A client access token from https://genius.com/api-clients; without one, scraping is disabled.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Per host: the API and the song pages are limited separately.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff; it doubles with each retry, with jitter.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>A 429 or 503 asking to wait longer than this is not retried, so one song cannot stall a job for an hour.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 60;

    /// <summary>Per attempt, including reading the body.</summary>
    public double TimeoutSeconds { get; set; } = 15;

    /// <summary>How many requests the breaker needs to see (half of them failing) before it opens.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    public double CircuitBreakerBreakSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);

    public const string NotConfiguredMessage =
        "Scraping from Genius is disabled: Genius:AccessToken is not configured. Set it (e.g. the Genius__AccessToken environment variable) to a Genius client access token.";
}
