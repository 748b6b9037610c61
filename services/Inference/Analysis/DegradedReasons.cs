namespace RapAnalyzer.Inference.Analysis;

/// <summary>The reasons an answer is less than asked for, joined into the one sentence its <c>degraded</c> field carries.</summary>
public static class DegradedReasons
{
    /// <summary>The reasons given (nulls left out) joined by spaces; null when there is none.</summary>
    public static string? Join(params string?[] reasons) =>
        reasons.Where(r => r is not null).ToArray() is { Length: > 0 } some ? string.Join(" ", some) : null;
}
