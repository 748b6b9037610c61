using Microsoft.Extensions.Options;

namespace RapAnalyzer.Scraper.Import;

public sealed class ImportOptionsValidation : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options) =>
        options.MaxUploadBytes > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ImportOptions.SectionName}:MaxUploadBytes must be a number of bytes above 0 (it is {options.MaxUploadBytes}).");
}
