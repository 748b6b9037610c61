namespace RapAnalyzer.Catalog.Search;

/// <summary>The last rebuild of the search indexes in this catalog process, or none.</summary>
public sealed record SearchIndexRebuildStatus(string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<RebuiltIndex> Rebuilt, string? Error)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static SearchIndexRebuildStatus Idle { get; } = new("idle", null, null, [], null);
}

public sealed record RebuiltIndex(string Name, long SizeBytes, double Seconds);
