namespace RapAnalyzer.Catalog.Search;

/// <summary>A track as one side of search ranked it: its id and that side's score (higher is better).</summary>
public readonly record struct RankedTrack(Guid Id, double Score);
