using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

public static class DatasetRowMapping
{
    public const string Source = "genius-dataset";

    public static TrackScraped ToTrackScraped(this DatasetRow row) => new(
        Source,
        row.Id!.Trim(),
        row.Title!.Trim(),
        row.Artist!.Trim(),
        row.Lyrics!,
        Year: row.Year is > 0 ? row.Year : null,
        Language: string.IsNullOrWhiteSpace(row.Language) ? null : row.Language,
        Views: row.Views);
}
