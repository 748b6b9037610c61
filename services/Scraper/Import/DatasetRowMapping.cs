using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Import;

public static class DatasetRowMapping
{
    public const string Source = "genius-dataset";

    /// <summary>
    /// The row as the event the catalog stores, or why it breaks <see cref="TrackRules"/>. Names and the id are trimmed;
    /// nothing else is changed: a value that does not fit is a rejection, never a correction.
    /// </summary>
    public static bool TryMap(this DatasetRow row, [NotNullWhen(true)] out TrackScraped? track, [NotNullWhen(false)] out Rejection? rejection)
    {
        track = null;
        var badYear = WholeNumber("year", row.Year, out var year);
        var badViews = WholeNumber("views", row.Views, out var views);
        rejection = badYear ?? (year is { } value ? TrackRules.Year(value) : null) ?? badViews;
        if (rejection is not null)
        {
            return false;
        }
        track = new TrackScraped(
            Source,
            row.Id?.Trim() ?? "",
            row.Title?.Trim() ?? "",
            row.Artist?.Trim() ?? "",
            row.Lyrics ?? "",
            Year: (int?)year,
            Language: string.IsNullOrWhiteSpace(row.Language) ? null : row.Language.Trim(),
            Views: views);
        rejection = TrackRules.Check(track);
        return rejection is null;
    }

    private static Rejection? WholeNumber(string field, string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return null;
        }
        // Only the start of the text: a field of any length must not make the job's errors as large.
        var shown = text.Length > 40 ? $"{text[..40]}…" : text;
        return new Rejection(field, BigInteger.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite
            | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out _)
            ? $"'{shown}' is out of range"
            : $"'{shown}' is not a whole number");
    }
}
