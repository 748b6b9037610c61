namespace RapAnalyzer.Catalog.Domain;

/// <summary>
/// A refresh of every stored track's text features to <see cref="TargetVersion"/>: the catalog asks enrichment for
/// each track's features once, and <see cref="RequestsSentAt"/> says when the last request went out. Kept in the
/// database, so a refresh the catalog was stopped in resumes when it starts again.
/// </summary>
public sealed class FeatureRefresh
{
    public int TargetVersion { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? RequestsSentAt { get; set; }
}
