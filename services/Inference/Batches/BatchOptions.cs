using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Batches;

/// <summary>Settings of <c>POST /batch</c>, bound from the <c>Batch</c> configuration section.</summary>
public sealed class BatchOptions
{
    public const string SectionName = "Batch";

    public int MaxItems { get; set; } = 1_000;

    /// <summary>How long a batch and its results stay in Redis after it was made.</summary>
    public double KeepHours { get; set; } = 24;

    /// <summary>How long a replica holds a batch without touching it before another replica may take it over.</summary>
    public int LeaseSeconds { get; set; } = 15;

    /// <summary>How many of a batch's songs are analyzed at once; LLM calls are further bounded by <c>Llm:Concurrency</c>.</summary>
    public int Concurrency { get; set; } = 4;

    public sealed class Validation : IValidateOptions<BatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, BatchOptions options) => new SettingFailures(SectionName)
            .Range(nameof(MaxItems), options.MaxItems, 1, 100_000)
            .Range(nameof(KeepHours), options.KeepHours, 0.01, 24 * 30)
            .Range(nameof(LeaseSeconds), options.LeaseSeconds, 2, 600)
            .Range(nameof(Concurrency), options.Concurrency, 1, 64)
            .Result;
    }
}
