namespace RapAnalyzer.Scraper.Scraping;

/// <summary>A validated request to scrape: distinct artist names, tidied, and how many songs of each to fetch.</summary>
public sealed record ScrapeOrder(IReadOnlyList<string> Artists, int SongLimit);
