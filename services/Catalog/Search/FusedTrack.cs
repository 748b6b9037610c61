namespace RapAnalyzer.Catalog.Search;

/// <summary>A track in the fused list: its fused score and the sides that found it.</summary>
public sealed record FusedTrack(Guid Id, double Score, IReadOnlyList<string> FoundBy);
