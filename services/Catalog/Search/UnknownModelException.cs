namespace RapAnalyzer.Catalog.Search;

/// <summary>The model asked for is not one the enrichment service embeds with: the caller's mistake, a 400 on <c>model</c>.</summary>
public sealed class UnknownModelException(string message) : Exception(message);
