using Microsoft.Extensions.Options;

namespace RapAnalyzer.Scraper.Genius;

public sealed class GeniusOptionsValidation : IValidateOptions<GeniusOptions>
{
    public ValidateOptionsResult Validate(string? name, GeniusOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"{GeniusOptions.SectionName}:BaseUrl '{options.BaseUrl}' must be an absolute http(s) URL.");
        }
        if (options.IsConfigured && options.AccessToken!.Any(char.IsWhiteSpace))
        {
            failures.Add($"{GeniusOptions.SectionName}:AccessToken must not contain whitespace (paste the token alone, without 'Bearer').");
        }
        // The lower bounds are Polly's own: below them it would refuse to build the pipeline with a message naming no setting.
        Check(failures, nameof(options.RequestsPerSecond), options.RequestsPerSecond, 0.01, 100);
        Check(failures, nameof(options.MaxRetries), options.MaxRetries, 0, 10);
        Check(failures, nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0, 60);
        Check(failures, nameof(options.MaxRetryAfterSeconds), options.MaxRetryAfterSeconds, 0, 3600);
        Check(failures, nameof(options.TimeoutSeconds), options.TimeoutSeconds, 0.01, 600);
        Check(failures, nameof(options.CircuitBreakerMinimumThroughput), options.CircuitBreakerMinimumThroughput, 2, 1000);
        Check(failures, nameof(options.CircuitBreakerBreakSeconds), options.CircuitBreakerBreakSeconds, 0.5, 3600);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, double value, double min, double max)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            failures.Add($"{GeniusOptions.SectionName}:{setting} must be between {min} and {max} (it is {value}).");
        }
    }
}
