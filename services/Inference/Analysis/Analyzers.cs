namespace RapAnalyzer.Inference.Analysis;

/// <summary>The analyzers a request can ask for: <c>auto</c> is the LLM when it can answer, else the embedded analyzer.</summary>
public static class Analyzers
{
    public const string Auto = "auto";
    public const string Llm = "llm";
    public const string Embedded = "embedded";

    public static readonly IReadOnlyList<string> Names = [Auto, Llm, Embedded];

    public static string? Problem(string? name) =>
        name is null || Names.Contains(name) ? null : $"must be one of {string.Join(", ", Names)}";
}
