using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>One page of search hits; <see cref="Notes"/> says what was left out or degraded, and why.</summary>
public sealed record SearchAnswer(IReadOnlyList<SearchHit> Items, int Page, int PageSize, string Mode, string Model, double TookMs,
    IReadOnlyList<string> Notes);

public sealed record SearchHit(TrackSummary Track, double Score, IReadOnlyList<string> FoundBy, IReadOnlyList<MatchedLine> Lines);
