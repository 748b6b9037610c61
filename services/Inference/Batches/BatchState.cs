using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Batches;

/// <summary>Where a batch is: queued until a replica takes it, running, then completed.</summary>
public static class BatchStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
}

/// <summary>A batch's progress; <see cref="Done"/> counts analyzed and failed items.</summary>
public sealed record BatchProgress(Guid Id, string Status, string Analyzer, int Total, int Done, int Failed, DateTimeOffset CreatedAt)
{
    public double Percent => Total == 0 ? 100 : Math.Round(100.0 * Done / Total, 1);

    public bool Finished => Status == BatchStatus.Completed;
}

/// <summary>The answer for one item of a batch: its analysis, or why it has none.</summary>
public sealed record BatchItemResult(int Index, string Status, LyricsAnalysis? Analysis, string? Error)
{
    public const string Analyzed = "analyzed";
    public const string Failed = "failed";

    public static BatchItemResult Of(int index, LyricsAnalysis analysis) => new(index, Analyzed, analysis, null);

    public static BatchItemResult Failure(int index, string error) => new(index, Failed, null, error);
}

/// <summary>GET /batch/{id}: the progress and one page of results, in item order.</summary>
public sealed record BatchReport(Guid Id, string Status, string Analyzer, int Total, int Done, int Failed, double Percent,
    DateTimeOffset CreatedAt, int Page, int PageSize, IReadOnlyList<BatchItemResult> Items)
{
    public static BatchReport Of(BatchProgress batch, int page, int pageSize, IReadOnlyList<BatchItemResult> items) => new(
        batch.Id, batch.Status, batch.Analyzer, batch.Total, batch.Done, batch.Failed, batch.Percent, batch.CreatedAt, page, pageSize, items);
}
