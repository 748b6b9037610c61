using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit, oldest first and each in the trace that saved it, and marks
/// them sent in the same transaction that locked them (SKIP LOCKED lets several replicas share the work). A crash
/// between publish and commit re-publishes with the same MessageId, which the idempotent consumers absorb. Every few seconds it
/// counts the rows still unsent for <see cref="OutboxMetrics"/>, so a scrape reads a number instead of querying.
/// </summary>
public sealed class OutboxDispatcher<TContext>(IServiceScopeFactory scopes, OutboxMetrics metrics,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan BacklogCountInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Timestamp 0 is long past, so the first pass counts.
        var backlogCountedAt = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
                if (Stopwatch.GetElapsedTime(backlogCountedAt) >= BacklogCountInterval)
                {
                    metrics.Counted(await CountBacklogAsync(stoppingToken));
                    backlogCountedAt = Stopwatch.GetTimestamp();
                }
                if (sent < BatchSize)
                {
                    await Task.Delay(IdleDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Outbox dispatch failed; retrying in {Delay}", FailureDelay);
                await Task.Delay(FailureDelay, stoppingToken);
            }
        }
    }

    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var table = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var qualifiedTable = $"\"{table.GetSchema() ?? "public"}\".\"{table.GetTableName()}\"";

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The only interpolated values are the table name from the EF model and a constant.
#pragma warning disable EF1002
            var batch = await db.Set<OutboxMessage>()
                .FromSqlRaw($"SELECT * FROM {qualifiedTable} WHERE \"SentAt\" IS NULL ORDER BY \"Id\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(cancellationToken);
#pragma warning restore EF1002
            foreach (var message in batch)
            {
                await publisher.PublishAsync(message, cancellationToken);
                message.SentAt = DateTimeOffset.UtcNow;
                message.Attempts++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return batch.Count;
        });
    }

    /// <summary>Unsent rows are those the partial index IX_outbox_messages_unsent holds, so this stays cheap as the history grows.</summary>
    private async Task<long> CountBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Set<OutboxMessage>().LongCountAsync(m => m.SentAt == null, cancellationToken);
    }
}
