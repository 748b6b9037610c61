using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// The Spotify Web API, reached with an app's client credentials; without them, tracks are enriched without Spotify.
/// Metadata is optional, so a 429 asking to wait over 10 s is not retried: it must not stall the pipeline.
/// </summary>
public sealed class SpotifyOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 10, maxRetries: 2, maxRetryAfterSeconds: 10)
{
    public const string SectionName = "Spotify";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string ApiBaseUrl { get; set; } = "https://api.spotify.com";

    public string AccountsBaseUrl { get; set; } = "https://accounts.spotify.com";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    protected override SettingFailures Check(SettingFailures failures)
    {
        // One without the other is a half-done configuration; silently running without Spotify would hide it.
        if (string.IsNullOrWhiteSpace(ClientId) != string.IsNullOrWhiteSpace(ClientSecret))
        {
            failures.Add(nameof(ClientId), $"and {SectionName}:ClientSecret must be set together (or both left empty to run without Spotify).");
        }
        return base.Check(failures)
            .Secret(nameof(ClientId), ClientId)
            .Secret(nameof(ClientSecret), ClientSecret)
            .Url(nameof(ApiBaseUrl), ApiBaseUrl)
            .Url(nameof(AccountsBaseUrl), AccountsBaseUrl);
    }
}
