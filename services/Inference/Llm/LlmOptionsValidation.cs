using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Llm;

public sealed class LlmOptionsValidation : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = new List<string>();
        if (options.IsConfigured
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            failures.Add($"{LlmOptions.SectionName}:Endpoint '{options.Endpoint}' must be an absolute http(s) URL.");
        }
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{LlmOptions.SectionName}:Model must name a model.");
        }
        if (options.TimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"{LlmOptions.SectionName}:TimeoutSeconds must be between 1 and 600.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
