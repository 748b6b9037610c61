using Microsoft.Extensions.Options;

namespace RapAnalyzer.Enrichment.Spotify;

public sealed class SpotifyOptionsValidation : IValidateOptions<SpotifyOptions>
{
    private const string Section = SpotifyOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SpotifyOptions options)
    {
        var failures = new List<string>();
        // One without the other is a half-done configuration; silently running without Spotify would hide it.
        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{Section}:ClientId and {Section}:ClientSecret must be set together (or both left empty to run without Spotify).");
        }
        CheckUrl(failures, nameof(options.ApiBaseUrl), options.ApiBaseUrl);
        CheckUrl(failures, nameof(options.AccountsBaseUrl), options.AccountsBaseUrl);
        // The lower bounds are Polly's own: below them it would refuse to build the pipeline with a message naming no setting.
        Check(failures, nameof(options.TimeoutSeconds), options.TimeoutSeconds, 0.01, 600);
        Check(failures, nameof(options.MaxRetries), options.MaxRetries, 0, 10);
        Check(failures, nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0, 60);
        Check(failures, nameof(options.MaxRetryAfterSeconds), options.MaxRetryAfterSeconds, 0, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string setting, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:{setting} '{value}' must be an absolute http(s) URL.");
        }
    }

    private static void Check(List<string> failures, string setting, double value, double min, double max)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            failures.Add($"{Section}:{setting} must be between {min} and {max} (it is {value}).");
        }
    }
}
