namespace RapAnalyzer.Catalog.Search;

public enum SearchMode
{
    Hybrid,
    Semantic,
    Text,
}
