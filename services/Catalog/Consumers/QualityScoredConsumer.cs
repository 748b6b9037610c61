using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>One score per track and model version; a newer score from the same version replaces it.</summary>
public sealed class QualityScoredConsumer(CatalogDbContext db) : IConsumer<QualityScored>
{
    public async Task Consume(ConsumeContext<QualityScored> context)
    {
        var scored = context.Message;
        if (!await db.Tracks.AnyAsync(t => t.Id == scored.TrackId, context.CancellationToken))
        {
            return;
        }
        var score = await db.QualityScores.FindAsync([scored.TrackId, scored.ModelVersion], context.CancellationToken);
        if (score is null)
        {
            score = new QualityScore { TrackId = scored.TrackId, ModelVersion = scored.ModelVersion };
            db.QualityScores.Add(score);
        }
        score.Score = scored.Score;
        score.ScoredAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
