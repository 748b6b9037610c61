using MassTransit;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Contracts;
using RapAnalyzer.Messaging;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores scraped tracks in batches, one transaction for many tracks (which keeps an import's cost per track low),
/// without ever losing a good track to a bad one: a track that breaks <see cref="TrackRules"/> is faulted before
/// the database is tried, and a batch the database refuses is stored again track by track, so that only the tracks it
/// refuses are faulted. A faulted track goes to the error queue with its reason, and Fault&lt;TrackScraped&gt; tells the
/// scraper it was not stored. A batch that fails otherwise (the database unreachable) is retried as a whole.
/// </summary>
public sealed class TrackScrapedConsumer(ScrapedTrackStore store, ILogger<TrackScrapedConsumer> logger) : IConsumer<Batch<TrackScraped>>
{
    public async Task Consume(ConsumeContext<Batch<TrackScraped>> context)
    {
        var valid = new List<ConsumeContext<TrackScraped>>();
        // A retry of the batch leaves out what an earlier attempt settled: tracks faulted, or stored one by one.
        foreach (var message in context.Message.Where(m => !m.IsSettled()))
        {
            if (TrackRules.Rejections(message.Message).ToList() is [_, ..] rejections)
            {
                await FaultAsync(message, string.Join(" ", rejections.Select(r => r.Message)));
            }
            else
            {
                valid.Add(message);
            }
        }
        // A lone track the database refuses is faulted there and then; a batch it refuses is stored again track by track.
        if (valid.Count == 0 || await TryStoreAsync(valid, context.CancellationToken) || valid.Count == 1)
        {
            return;
        }
        logger.LogWarning("The database refused a batch of {Count} scraped tracks; storing them one by one", valid.Count);
        foreach (var message in valid)
        {
            if (await TryStoreAsync([message], context.CancellationToken))
            {
                await message.SettleAsync<TrackScrapedConsumer, TrackScraped>();
            }
        }
    }

    /// <summary>Stores the tracks; false when the database refused them, after faulting a lone one with the refusal.</summary>
    private async Task<bool> TryStoreAsync(IReadOnlyList<ConsumeContext<TrackScraped>> messages, CancellationToken cancellationToken)
    {
        try
        {
            await store.StoreAsync([.. messages.Select(m => m.Message)], cancellationToken);
            return true;
        }
        catch (Exception e) when (StorageRefusal.Is(e))
        {
            if (messages is [var only])
            {
                await FaultAsync(only, (e.InnerException ?? e).Message, e);
            }
            return false;
        }
    }

    private static Task FaultAsync(ConsumeContext<TrackScraped> message, string reason, Exception? cause = null) =>
        message.FaultAsync<TrackScrapedConsumer, TrackScraped>(
            new UnprocessableMessageException($"Track {message.Message.Source}:{message.Message.SourceId} was not stored: {reason}", cause));
}
