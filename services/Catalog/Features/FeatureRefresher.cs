using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;
using RapAnalyzer.Messaging.Outbox;

namespace RapAnalyzer.Catalog.Features;

/// <summary>
/// Moves every stored track's text features to <see cref="FeaturesVersion.Current"/>: in batches, each track whose
/// features are older and not yet asked for is marked asked and its <see cref="TrackFeaturesRequested"/> saved to the
/// outbox in the same transaction, so a refresh stopped at any point and resumed asks for every track exactly once;
/// enrichment's <see cref="TrackFeaturesRevised"/> answers are stored by their consumer. Started by
/// <c>POST /features/refresh</c>, and resumed when the catalog starts with one unfinished.
/// </summary>
public sealed class FeatureRefresher(IServiceScopeFactory scopes, IOptions<FeatureRefreshOptions> options, ILogger<FeatureRefresher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _started = new(0);

    /// <summary>Starts the refresh to the current version unless one was started; its progress either way.</summary>
    public async Task<FeatureRefreshProgress> StartAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        // Once, whoever asks first: a second start (or another replica's) leaves the first one as it is.
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO catalog.feature_refreshes ("TargetVersion", "StartedAt") VALUES ({FeaturesVersion.Current}, {DateTimeOffset.UtcNow}) ON CONFLICT DO NOTHING""",
            cancellationToken);
        _started.Release();
        return await ProgressAsync(db, cancellationToken);
    }

    public static async Task<FeatureRefreshProgress> ProgressAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        const int target = FeaturesVersion.Current;
        var refresh = await db.FeatureRefreshes.AsNoTracking().SingleOrDefaultAsync(r => r.TargetVersion == target, cancellationToken);
        var counts = await db.Set<TextFeatures>()
            .GroupBy(_ => 1)
            .Select(all => new
            {
                Tracks = all.Count(),
                Current = all.Count(f => f.Version >= target),
                Requested = all.Count(f => f.Version < target && f.RequestedVersion >= target),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? new { Tracks = 0, Current = 0, Requested = 0 };
        var waiting = counts.Tracks - counts.Current - counts.Requested;
        var state = refresh is null ? "none"
            : refresh.RequestsSentAt is null ? "sending"
            : counts.Current < counts.Tracks ? "computing"
            : "done";
        var percent = counts.Tracks == 0 ? 100 : Math.Round(100.0 * counts.Current / counts.Tracks, 1);
        return new FeatureRefreshProgress(target, state, counts.Tracks, counts.Current, counts.Requested, waiting, percent,
            refresh?.StartedAt, refresh?.RequestsSentAt);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendRequestsAsync(stoppingToken);
                await _started.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a while: the refresh waits and resumes where it stopped.
                logger.LogWarning(e, "The feature refresh paused; it resumes in {Pause}", options.Value.RetryPause);
                await Task.Delay(options.Value.RetryPause, stoppingToken);
            }
        }
    }

    private async Task SendRequestsAsync(CancellationToken cancellationToken)
    {
        const int target = FeaturesVersion.Current;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        if (!await db.FeatureRefreshes.AnyAsync(r => r.TargetVersion == target && r.RequestsSentAt == null, cancellationToken))
        {
            return;
        }
        logger.LogInformation("Feature refresh to version {Version}: sending requests", target);
        var total = 0;
        while (await SendBatchAsync(db, target, cancellationToken) is var sent && sent != 0)
        {
            if (sent is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            total += sent ?? 0;
        }
        await db.FeatureRefreshes.Where(r => r.TargetVersion == target)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.RequestsSentAt, DateTimeOffset.UtcNow), cancellationToken);
        logger.LogInformation("Feature refresh to version {Version}: {Count} requests sent", target, total);
    }

    // Held by the replica that sends a batch, so two replicas never ask for the same track.
    private const long SendingLock = 0x52_41_50_46_52_45_46; // "RAPFREF"

    /// <summary>Asks for the next batch; its size, 0 when none is left, or null while another replica is sending one.</summary>
    private Task<int?> SendBatchAsync(CatalogDbContext db, int target, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SendingLock}) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return (int?)null;
            }
            var batch = await db.Tracks
                .Where(t => t.Features != null && t.Features.Version < target && t.Features.RequestedVersion < target)
                .OrderBy(t => t.Id)
                .Take(options.Value.BatchSize)
                .Include(t => t.Features)
                .Include(t => t.Artist)
                .ToListAsync(cancellationToken);
            foreach (var track in batch)
            {
                track.Features!.RequestedVersion = target;
                db.EnqueueEvent(new TrackFeaturesRequested(track.Id, track.Artist!.Name, track.Lyrics, track.ContentHash));
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return batch.Count;
        });
}
