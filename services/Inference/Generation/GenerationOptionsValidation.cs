using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Generation;

public sealed class GenerationOptionsValidation : IValidateOptions<GenerationOptions>
{
    public ValidateOptionsResult Validate(string? name, GenerationOptions options) => new SettingFailures(GenerationOptions.SectionName)
        .Range(nameof(options.TrainingQueries), options.TrainingQueries, RankerTraining.MinimumQueries, 1_000_000)
        .Range(nameof(options.EvaluationQueries), options.EvaluationQueries, 0, 100_000)
        .Range(nameof(options.RetrainGrowth), options.RetrainGrowth, 0.01, 100)
        .Range(nameof(options.CheckSeconds), options.CheckSeconds, 1, 86_400)
        .Range(nameof(options.CatalogPageSize), options.CatalogPageSize, 1, 1_000)
        .Result;
}
