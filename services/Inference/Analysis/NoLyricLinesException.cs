namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// The text holds no lyric line as enrichment counts them (only section headers, blank lines or punctuation): there is
/// nothing to analyze, the caller's mistake as empty lyrics are.
/// </summary>
public sealed class NoLyricLinesException() : Exception("has no lyric lines (only section headers, blank lines or punctuation)");
