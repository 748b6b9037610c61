using Microsoft.Extensions.Options;

namespace RapAnalyzer.Enrichment.Features;

public sealed class EnrichmentOptionsValidation : IValidateOptions<EnrichmentOptions>
{
    private const string Setting = $"{EnrichmentOptions.SectionName}:CmuDictionaryPath";

    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CmuDictionaryPath))
        {
            return ValidateOptionsResult.Fail($"{Setting} must name the index.js of the CMU Pronouncing Dictionary.");
        }
        if (!File.Exists(options.CmuDictionaryPath))
        {
            return ValidateOptionsResult.Fail(
                $"{Setting} '{options.CmuDictionaryPath}' does not exist. Run eng/setup.sh, which installs "
                + "cmu-pronouncing-dictionary@3.0.0 into models/cmudict/, or point the setting at its index.js.");
        }
        return ValidateOptionsResult.Success;
    }
}
