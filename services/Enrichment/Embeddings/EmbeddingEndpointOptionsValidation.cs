using Microsoft.Extensions.Options;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Embeddings;

public sealed class EmbeddingEndpointOptionsValidation : IValidateOptions<EmbeddingEndpointOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingEndpointOptions options)
    {
        var failures = new SettingFailures(EmbeddingEndpointOptions.SectionName);
        if (!options.IsConfigured)
        {
            // A key or size without a URL is a half-done configuration; running on USE-Lite alone would hide it.
            return string.IsNullOrWhiteSpace(options.ApiKey) && options.Dimensions is null
                ? ValidateOptionsResult.Success
                : failures.Add(nameof(options.Url), "must be set when an ApiKey or Dimensions is (or leave all of them empty to embed with USE-Lite alone).").Result;
        }
        failures
            .Url(nameof(options.Url), options.Url)
            .Required(nameof(options.Model), options.Model, "the endpoint's embedding model")
            .Range(nameof(options.InputsPerRequest), options.InputsPerRequest, 1, 2048)
            .Range(nameof(options.TimeoutSeconds), options.TimeoutSeconds, 0.01, 600)
            .Range(nameof(options.TotalTimeoutSeconds), options.TotalTimeoutSeconds, options.TimeoutSeconds, 3600)
            .Range(nameof(options.CooldownSeconds), options.CooldownSeconds, 0, 3600)
            .Range(nameof(options.MaxRetries), options.MaxRetries, 0, 10)
            .Range(nameof(options.RetryDelaySeconds), options.RetryDelaySeconds, 0, 60)
            .Range(nameof(options.MaxRetryAfterSeconds), options.MaxRetryAfterSeconds, 0, 3600);
        if (options.Dimensions is { } dimensions)
        {
            failures.Range(nameof(options.Dimensions), dimensions, 1, 16_000);
        }
        if (options.ModelId.Length > EmbeddingModels.MaxIdLength)
        {
            failures.Add(nameof(options.Model), $"'{options.Model}' is too long: the stored model id '{options.ModelId}' may have at most {EmbeddingModels.MaxIdLength} characters.");
        }
        return failures.Result;
    }
}
