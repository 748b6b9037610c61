using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores text features a feature refresh had computed again, in batches. Only over features of an earlier version
/// and only for the lyrics the track still has, so a redelivered or late answer changes nothing.
/// </summary>
public sealed class TrackFeaturesRevisedConsumer(CatalogDbContext db, ILogger<TrackFeaturesRevisedConsumer> logger) : IConsumer<Batch<TrackFeaturesRevised>>
{
    public async Task Consume(ConsumeContext<Batch<TrackFeaturesRevised>> context)
    {
        var revised = context.Message.Select(m => m.Message).GroupBy(m => m.TrackId).Select(g => g.MaxBy(m => m.FeaturesVersion)!).ToList();
        var ids = revised.Select(m => m.TrackId).ToList();
        var tracks = await db.Tracks.Include(t => t.Features).Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, context.CancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var features in revised)
        {
            if (!tracks.TryGetValue(features.TrackId, out var track) || track.Features is null || track.ContentHash != features.ContentHash)
            {
                logger.LogInformation("Revised features of track {TrackId} ignored: it is gone or has other lyrics now", features.TrackId);
                continue;
            }
            if (track.Features.Version < features.FeaturesVersion)
            {
                track.Features.Apply(features.Features, features.ArtistWords, now, features.FeaturesVersion);
            }
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
