namespace RapAnalyzer.Catalog.Search;

/// <summary>A line of a hit's lyrics with the spans (start, end: character offsets, end exclusive) of the query words in it.</summary>
public sealed record MatchedLine(string Text, IReadOnlyList<int[]> Highlights);
