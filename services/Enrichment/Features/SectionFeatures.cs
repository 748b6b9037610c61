namespace RapAnalyzer.Enrichment.Features;

/// <summary>One section's share of the features: what it is, who performs it, and its end-rhyme scheme.</summary>
public sealed record SectionFeatures(
    SectionKind Kind,
    string? Label,
    IReadOnlyList<string> Performers,
    int Lines,
    int Words,
    string EndRhymeScheme);
