using Microsoft.Extensions.Options;

namespace RapAnalyzer.Enrichment.Spotify;

public sealed class SpotifyOptionsValidation : IValidateOptions<SpotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, SpotifyOptions options)
    {
        var failures = new SettingFailures(SpotifyOptions.SectionName);
        // One without the other is a half-done configuration; silently running without Spotify would hide it.
        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add(nameof(options.ClientId), $"and {SpotifyOptions.SectionName}:ClientSecret must be set together (or both left empty to run without Spotify).");
        }
        // The lower bounds are Polly's own: below them it would refuse to build the pipeline with a message naming no setting.
        return failures
            .Url(nameof(options.ApiBaseUrl), options.ApiBaseUrl)
            .Url(nameof(options.AccountsBaseUrl), options.AccountsBaseUrl)
            .Range(nameof(options.TimeoutSeconds), options.TimeoutSeconds, 0.01, 600)
            .Range(nameof(options.MaxRetries), options.MaxRetries, 0, 10)
            .Range(nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0, 60)
            .Range(nameof(options.MaxRetryAfterSeconds), options.MaxRetryAfterSeconds, 0, 3600)
            .Result;
    }
}
