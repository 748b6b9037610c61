namespace RapAnalyzer.Catalog.Search;

/// <summary>One candidate tier of text search: a tsquery matching the tracks that hold <paramref name="Held"/> of the query's terms.</summary>
public sealed record TextTier(int Held, string TsQuery);
