namespace RapAnalyzer.Scraper.Scraping;

/// <summary>The body of <c>POST /scrape</c>; <see cref="SongLimit"/> defaults to <see cref="ScrapeOrderValidation.DefaultSongLimit"/>.</summary>
public sealed record ScrapeRequest(IReadOnlyList<string?>? Artists, int? SongLimit);
