using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.ServiceDefaults.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit, oldest first, and marks them sent in the same
/// transaction that locked them (SKIP LOCKED lets several replicas share the work). A crash between publish
/// and commit re-publishes with the same MessageId, which the idempotent consumers absorb.
/// </summary>
public sealed class OutboxDispatcher<TContext>(IServiceScopeFactory scopes, ILogger<OutboxDispatcher<TContext>> logger)
    : BackgroundService where TContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(stoppingToken);
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
                var type = Type.GetType(message.MessageType, throwOnError: true)!;
                var body = JsonSerializer.Deserialize(message.Body, type, JsonSerializerOptions.Web)!;
                using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                publishTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await publisher.Publish(body, type, context => context.MessageId = message.MessageId, publishTimeout.Token);
                message.SentAt = DateTimeOffset.UtcNow;
                message.Attempts++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return batch.Count;
        });
    }
}
