using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Batches;

/// <summary>
/// Batches in Redis, so any replica answers for any batch and a batch outlives the process that ran it: its items, a
/// hash of results by item index, and its counts. A result is recorded once (HSETNX), whoever records it, so a batch
/// resumed after a crash counts no item twice.
/// </summary>
public sealed class BatchStore(IConnectionMultiplexer redis, IOptions<BatchOptions> options)
{
    private const string Unfinished = "batches:unfinished";

    // Records a result and counts it, both or neither: a second recording of the same index changes nothing.
    private static readonly LuaScript Record = LuaScript.Prepare("""
        if redis.call('HSETNX', @results, @index, @result) == 1 then
          redis.call('HINCRBY', @batch, 'done', 1)
          if @failed == '1' then redis.call('HINCRBY', @batch, 'failed', 1) end
          return 1
        end
        return 0
        """);

    private static string BatchKey(Guid id) => $"batch:{id:N}";
    private static string ItemsKey(Guid id) => $"batch:{id:N}:items";
    private static string ResultsKey(Guid id) => $"batch:{id:N}:results";
    private static string LeaseKey(Guid id) => $"batch:{id:N}:lease";

    private IDatabase Db => redis.GetDatabase();

    private TimeSpan Keep => TimeSpan.FromHours(options.Value.KeepHours);

    public bool IsAvailable => redis.IsConnected;

    public async Task<Guid> CreateAsync(IReadOnlyList<BatchItem?> items, string analyzer)
    {
        var id = Guid.NewGuid();
        var transaction = Db.CreateTransaction();
        _ = transaction.ListRightPushAsync(ItemsKey(id), [.. items.Select(item => (RedisValue)JsonSerializer.Serialize(item, JsonSerializerOptions.Web))]);
        _ = transaction.HashSetAsync(BatchKey(id),
        [
            new("status", BatchStatus.Queued), new("analyzer", analyzer), new("total", items.Count), new("done", 0), new("failed", 0),
            new("created", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
        ]);
        _ = transaction.KeyExpireAsync(ItemsKey(id), Keep);
        _ = transaction.KeyExpireAsync(BatchKey(id), Keep);
        _ = transaction.SetAddAsync(Unfinished, id.ToString("N"));
        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"Batch {id} was not stored.");
        }
        return id;
    }

    public async Task<BatchProgress?> ProgressAsync(Guid id)
    {
        var fields = (await Db.HashGetAllAsync(BatchKey(id))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (fields.Count == 0)
        {
            return null;
        }
        return new BatchProgress(id, fields["status"]!, fields["analyzer"]!, (int)fields["total"], (int)fields["done"], (int)fields["failed"],
            DateTimeOffset.FromUnixTimeMilliseconds((long)fields["created"]));
    }

    public async Task<IReadOnlyList<BatchItem?>> ItemsAsync(Guid id) =>
        [.. (await Db.ListRangeAsync(ItemsKey(id))).Select(v => JsonSerializer.Deserialize<BatchItem>(v.ToString(), JsonSerializerOptions.Web))];

    /// <summary>The indexes that already have a result: what a resumed batch skips.</summary>
    public async Task<HashSet<int>> RecordedAsync(Guid id) => [.. (await Db.HashKeysAsync(ResultsKey(id))).Select(k => (int)k)];

    /// <summary>The results of items <paramref name="from"/> to <paramref name="from"/>+<paramref name="count"/>−1 that exist, in item order.</summary>
    public async Task<IReadOnlyList<BatchItemResult>> ResultsAsync(Guid id, int from, int count)
    {
        var indexes = Enumerable.Range(from, count).Select(i => (RedisValue)i).ToArray();
        var values = await Db.HashGetAsync(ResultsKey(id), indexes);
        return [.. values.Where(v => v.HasValue).Select(v => JsonSerializer.Deserialize<BatchItemResult>(v.ToString(), JsonSerializerOptions.Web)!)];
    }

    public async Task RecordAsync(Guid id, BatchItemResult result)
    {
        await Db.ScriptEvaluateAsync(Record, new
        {
            results = (RedisKey)ResultsKey(id),
            batch = (RedisKey)BatchKey(id),
            index = result.Index,
            result = JsonSerializer.Serialize(result, JsonSerializerOptions.Web),
            failed = result.Status == BatchItemResult.Failed ? "1" : "0",
        });
        await Db.KeyExpireAsync(ResultsKey(id), Keep);
    }

    public Task MarkAsync(Guid id, string status) => Db.HashSetAsync(BatchKey(id), "status", status);

    public async Task CompleteAsync(Guid id)
    {
        await MarkAsync(id, BatchStatus.Completed);
        await Db.SetRemoveAsync(Unfinished, id.ToString("N"));
        await Db.KeyDeleteAsync(LeaseKey(id));
    }

    /// <summary>Batches not yet completed; one whose keys expired is forgotten.</summary>
    public async Task<IReadOnlyList<Guid>> UnfinishedAsync()
    {
        var ids = new List<Guid>();
        foreach (var member in await Db.SetMembersAsync(Unfinished))
        {
            var id = Guid.ParseExact(member.ToString(), "N");
            if (await Db.KeyExistsAsync(BatchKey(id)))
            {
                ids.Add(id);
            }
            else
            {
                await Db.SetRemoveAsync(Unfinished, member);
            }
        }
        return ids;
    }

    /// <summary>Takes the batch for this replica unless another holds it; the holder renews it as it goes.</summary>
    public Task<bool> TryLeaseAsync(Guid id, string owner) =>
        Db.StringSetAsync(LeaseKey(id), owner, TimeSpan.FromSeconds(options.Value.LeaseSeconds), When.NotExists);

    public Task RenewLeaseAsync(Guid id) => Db.KeyExpireAsync(LeaseKey(id), TimeSpan.FromSeconds(options.Value.LeaseSeconds));
}
