using System.Text.Json.Serialization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Jobs;

/// <summary>
/// A row or song that was not published: the line its record starts on in the dataset (imports) or the item scraped
/// (scrapes), the field at fault when one is, and why.
/// </summary>
public sealed record JobError(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Line,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Item,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field,
    string Reason)
{
    public static JobError AtLine(long line, Rejection rejection) => new(line, null, rejection.Field, rejection.Reason);

    public static JobError ForItem(string item, string reason, string? field = null) => new(null, item, field, reason);
}
