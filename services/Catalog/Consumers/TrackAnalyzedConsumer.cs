using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>Keeps every analysis of a track; the message id makes a redelivery a no-op.</summary>
public sealed class TrackAnalyzedConsumer(CatalogDbContext db) : IConsumer<TrackAnalyzed>
{
    public async Task Consume(ConsumeContext<TrackAnalyzed> context)
    {
        var id = context.MessageId ?? throw new InvalidOperationException("TrackAnalyzed arrived without a MessageId.");
        var analyzed = context.Message;
        if (await db.Analyses.AnyAsync(a => a.Id == id, context.CancellationToken)
            || !await db.Tracks.AnyAsync(t => t.Id == analyzed.TrackId, context.CancellationToken))
        {
            return;
        }
        db.Analyses.Add(new Analysis
        {
            Id = id,
            TrackId = analyzed.TrackId,
            Analyzer = analyzed.Analyzer,
            ModelVersion = analyzed.ModelVersion,
            ResultJson = analyzed.ResultJson,
            ElapsedMs = analyzed.ElapsedMs,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
