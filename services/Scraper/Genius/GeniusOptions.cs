using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// The Genius API and how politely and persistently the scraper talks to it: at most 2 requests a second per host (the
/// API and the song pages are limited separately), and a 429 or 503 asking to wait over a minute is not retried, so
/// one song cannot stall a job for an hour.
/// </summary>
public sealed class GeniusOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 15, maxRetries: 3, maxRetryAfterSeconds: 60, requestsPerSecond: 2)
{
    public const string SectionName = "Genius";

    public string BaseUrl { get; set; } = "https://api.genius.com";

    /// <summary>A client access token from https://genius.com/api-clients; without one, scraping is disabled.</summary>
    public string? AccessToken { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);

    public const string NotConfiguredMessage =
        "Scraping from Genius is disabled: Genius:AccessToken is not configured. Set it (e.g. the Genius__AccessToken environment variable) to a Genius client access token.";

    protected override SettingFailures Check(SettingFailures failures) =>
        base.Check(failures).Url(nameof(BaseUrl), BaseUrl).Secret(nameof(AccessToken), AccessToken);
}
