using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// One score per track and model version; a score sent later replaces it. One upsert, ordered by when the score was
/// sent, so two scores for the same track consumed at once (or a retry of the earlier one) never leave the older.
/// </summary>
public sealed class QualityScoredConsumer(CatalogDbContext db, SearchCache searchCache) : IConsumer<QualityScored>
{
    public async Task Consume(ConsumeContext<QualityScored> context)
    {
        var scored = context.Message;
        if (!await db.Tracks.AnyAsync(t => t.Id == scored.TrackId, context.CancellationToken))
        {
            return;
        }
        var scoredAt = context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO catalog.quality_scores ("TrackId", "ModelVersion", "Score", "ScoredAt")
            VALUES ({scored.TrackId}, {scored.ModelVersion}, {scored.Score}, {scoredAt})
            ON CONFLICT ("TrackId", "ModelVersion") DO UPDATE SET "Score" = EXCLUDED."Score", "ScoredAt" = EXCLUDED."ScoredAt"
            WHERE quality_scores."ScoredAt" <= EXCLUDED."ScoredAt"
            """, context.CancellationToken);
        // minQuality filters on scores.
        await searchCache.TracksChangedAsync();
    }
}
